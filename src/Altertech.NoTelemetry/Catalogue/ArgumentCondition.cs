using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>
/// What a catalogue entry's <c>when P has Flag</c>, <c>when P at least Value</c> or <c>when P is Text</c> asks of a
/// call: the argument for parameter P is a constant of its enum type with the flag set, or at least the value; or a
/// constant string equal to the text (ignoring case). No condition always holds.
/// </summary>
internal readonly struct ArgumentCondition
{
    /// <summary>The forms a condition takes, for messages about one that is not.</summary>
    public const string Forms = "'when <parameter> has <Flag>', 'when <parameter> at least <Value>' or 'when <parameter> is <text>'";

    private const string WhenPrefix = "when ";
    private static readonly (string Separator, Kind Kind)[] s_separators = { (" has ", Kind.Has), (" at least ", Kind.AtLeast), (" is ", Kind.Is) };

    private readonly Kind _kind;

    private ArgumentCondition(string parameter, string value, Kind kind)
    {
        Parameter = parameter;
        Value = value;
        _kind = kind;
    }

    private enum Kind
    {
        Has,
        AtLeast,
        Is,
    }

    public string? Parameter { get; }

    public string? Value { get; }

    /// <summary>The condition names a constant text (<c>when name is MachineGuid</c>): what the source is is in that text.</summary>
    public bool IsText => _kind == Kind.Is && Value is not null;

    public static bool TryParse(string? note, out ArgumentCondition condition)
    {
        condition = default;
        if (note is null)
        {
            return true;
        }

        if (!note.StartsWith(WhenPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var (separator, kind) in s_separators)
        {
            var index = note.IndexOf(separator, WhenPrefix.Length, StringComparison.Ordinal);
            if (index > WhenPrefix.Length && index + separator.Length < note.Length)
            {
                condition = new ArgumentCondition(note.Substring(WhenPrefix.Length, index - WhenPrefix.Length).Trim(), note.Substring(index + separator.Length).Trim(), kind);
                return true;
            }
        }

        return false;
    }

    public bool Holds(IInvocationOperation invocation) => Parameter is null || Holds(invocation.Arguments);

    public bool Holds(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        if (Parameter is null)
        {
            return true;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } declared || declared.Name != Parameter)
            {
                continue;
            }

            if (!argument.Value.ConstantValue.HasValue || argument.Value.ConstantValue.Value is not { } value)
            {
                return false;
            }

            if (_kind == Kind.Is)
            {
                return value is string text && string.Equals(text, Value, StringComparison.OrdinalIgnoreCase);
            }

            if (declared.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                return false;
            }

            foreach (var member in enumType.GetMembers(Value!))
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } bits })
                {
                    var expected = Convert.ToInt64(bits, System.Globalization.CultureInfo.InvariantCulture);
                    var actual = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                    return _kind == Kind.AtLeast ? actual >= expected : expected != 0 && (actual & expected) == expected;
                }
            }

            return false;
        }

        return false;
    }
}
