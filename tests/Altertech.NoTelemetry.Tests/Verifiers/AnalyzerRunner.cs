using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Tests.Verifiers;

/// <summary>
/// Runs analyzers on one compilation the way a build does, for tests that look at diagnostics as data (many of
/// them, or messages by content) rather than through markup. Any analyzer exception fails the run.
/// </summary>
public static class AnalyzerRunner
{
    public const string SourcePath = "/0/Test0.cs";

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        DiagnosticAnalyzer analyzer,
        string source,
        ReferenceSet? references = null,
        IEnumerable<(string Path, string Text)>? additionalFiles = null,
        IReadOnlyDictionary<string, string>? options = null,
        bool allowCompileErrors = false)
    {
        var metadata = (references ?? TestReferences.Net80).Resolve();
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), SourcePath);
        var compilation = CSharpCompilation.Create("Test", new[] { tree }, metadata, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // A test source that does not compile tests something else than it says (a missing reference turns every SDK
        // call into an error, and errors are not findings): only tests of incomplete code may pass allowErrors.
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(allowCompileErrors || errors.Count == 0, "The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        var texts = (additionalFiles ?? Array.Empty<(string, string)>())
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, SourceText.From(f.Text)))
            .ToImmutableArray();
        var exceptions = new List<Exception>();
        var analyzerOptions = new AnalyzerOptions(texts, new DictionaryOptionsProvider(options ?? new Dictionary<string, string>()));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(analyzerOptions, (e, _, _) => { lock (exceptions) { exceptions.Add(e); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        var diagnostics = result.GetAllDiagnostics();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The same options for every file, as a <c>.globalconfig</c> would set them.</summary>
    private sealed class DictionaryOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _options;

        public DictionaryOptionsProvider(IReadOnlyDictionary<string, string> values) => _options = new DictionaryOptions(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            var found = _values.TryGetValue(key, out var text);
            value = text;
            return found;
        }
    }
}
