using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Knowledge;

/// <summary>A value that identifies the machine, the user, the system or its hardware, where it is read.</summary>
internal sealed class IdentifyingSource
{
    public IdentifyingSource(ISymbol member, string identifies, string? argument = null)
    {
        Member = member;
        Identifies = identifies;
        Display = DiagnosticLocations.Describe(member is IMethodSymbol { AssociatedSymbol: { } property } ? property : member)
            + (argument is null ? string.Empty : $"(\"{argument}\")");
    }

    public ISymbol Member { get; }

    /// <summary><c>machine</c>, <c>user</c>, <c>system</c> or <c>hardware</c>.</summary>
    public string Identifies { get; }

    /// <summary><c>Environment.MachineName</c>, <c>NetworkInterface.GetPhysicalAddress</c>, <c>RegistryKey.GetValue("MachineGuid")</c>.</summary>
    public string Display { get; }
}

/// <summary>The sources of <c>Identifying.txt</c> resolved in one compilation: properties, fields and methods (with a condition).</summary>
internal sealed class IdentifyingSources
{
    private readonly Dictionary<ISymbol, List<(IdentifyingSource Source, ArgumentCondition Condition)>> _members;
    private readonly Dictionary<ISymbol, HashSet<string>> _scrubbed;

    private IdentifyingSources(Dictionary<ISymbol, List<(IdentifyingSource, ArgumentCondition)>> members, Dictionary<ISymbol, HashSet<string>> scrubbed)
    {
        _members = members;
        _scrubbed = scrubbed;
    }

    /// <summary>
    /// The argument is one a call takes only to remove or find it (<c>oldValue</c> of <c>string.Replace</c>, a regular
    /// expression's <c>pattern</c>): what it carries does not reach the call's result.
    /// </summary>
    public bool IsScrubbed(IArgumentOperation argument) =>
        _scrubbed.Count > 0
        && argument.Parent is { } call
        && Altertech.NoTelemetry.Network.EgressClassifier.CallOf(call).Method is { } method
        && _scrubbed.TryGetValue(method.OriginalDefinition, out var parameters)
        && argument.Parameter is { } parameter
        && parameters.Contains(parameter.Name);

    public bool IsEmpty => _members.Count == 0;

    public static IdentifyingSources Build(SymbolResolver resolver, ImmutableArray<CatalogueSection> sections, CancellationToken cancellationToken)
    {
        var members = new Dictionary<ISymbol, List<(IdentifyingSource, ArgumentCondition)>>(SymbolEqualityComparer.Default);
        var scrubbed = new Dictionary<ISymbol, HashSet<string>>(SymbolEqualityComparer.Default);
        foreach (var section in sections)
        {
            if (string.Equals(section.GetMetadata("sanitizes")?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
            {
                foreach (var entry in section.Entries)
                {
                    foreach (var symbol in resolver.Resolve(entry))
                    {
                        if (!scrubbed.TryGetValue(symbol, out var names))
                        {
                            scrubbed.Add(symbol, names = new HashSet<string>(System.StringComparer.Ordinal));
                        }

                        names.UnionWith(CatalogueParser.SplitList(entry.Text));
                    }
                }

                continue;
            }

            var identifies = section.GetMetadata("identifies")?.Trim() ?? "machine";
            foreach (var entry in section.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.Exempt || !ArgumentCondition.TryParse(entry.Text, out var condition))
                {
                    continue;
                }

                foreach (var symbol in resolver.Resolve(entry))
                {
                    if (!members.TryGetValue(symbol, out var list))
                    {
                        members.Add(symbol, list = new List<(IdentifyingSource, ArgumentCondition)>());
                    }

                    list.Add((new IdentifyingSource(symbol, identifies, condition.IsText ? condition.Value : null), condition));
                }
            }
        }

        return new IdentifyingSources(members, scrubbed);
    }

    /// <summary>The source an operation reads: a catalogued property, field or call (whose condition holds); null for anything else.</summary>
    public IdentifyingSource? Match(IOperation operation)
    {
        if (_members.Count == 0)
        {
            return null;
        }

        var (member, arguments) = operation switch
        {
            IPropertyReferenceOperation property => ((ISymbol)property.Property.OriginalDefinition, property.Arguments),
            IFieldReferenceOperation field => (field.Field.OriginalDefinition, ImmutableArray<IArgumentOperation>.Empty),
            IInvocationOperation invocation => ((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition, invocation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };

        if (member is null || !_members.TryGetValue(member, out var candidates))
        {
            return null;
        }

        foreach (var (source, condition) in candidates)
        {
            if (condition.Holds(arguments))
            {
                return source;
            }
        }

        return null;
    }
}
