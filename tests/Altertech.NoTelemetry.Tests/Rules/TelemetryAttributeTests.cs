using Altertech.NoTelemetry.Tests.Verifiers;
using Usage = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

/// <summary>
/// NT0001 on attributes, wherever C# lets one be written. Declared symbols report their attributes from the
/// symbol; assembly attributes and those on local functions and lambdas are bound from syntax.
/// </summary>
public class TelemetryAttributeTests
{
    /// <summary>A metering attribute that may go anywhere, made telemetry by the project's NoTelemetry.txt.</summary>
    private const string MeteredAttribute = """
        namespace Contoso.Metrics
        {
            [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
            public sealed class MeteredAttribute : System.Attribute
            {
                public string? Name { get; set; }
            }
        }
        """;

    [Fact]
    public Task Reports_the_attribute_on_every_kind_of_declaration() => VerifyMeteredAsync("""
        using System;
        using Contoso.Metrics;

        [assembly: {|NT0001:Metered|}]

        [{|NT0001:Metered|}]
        class Shop<[{|NT0001:Metered|}] T>
        {
            [{|NT0001:Metered|}] int _count;

            [field: {|NT0001:Metered|}]
            public int Total { get; set; }

            [{|NT0001:Metered|}]
            public string Name { [{|NT0001:Metered|}] get; set; } = "";

            [{|NT0001:Metered|}]
            public event EventHandler? Changed;

            public int this[[{|NT0001:Metered|}] int index]
            {
                get => index;
                [{|NT0001:Metered|}]
                [param: {|NT0001:Metered|}]
                set { }
            }

            [{|NT0001:Metered|}(Name = "checkout")]
            [return: {|NT0001:Metered|}]
            public int Checkout<[{|NT0001:Metered|}] TItem>([{|NT0001:Metered|}] TItem item) => _count;

            [{|NT0001:Metered|}]
            public Shop() { }
        }

        [{|NT0001:Metered|}]
        struct Price { }

        [{|NT0001:Metered|}]
        enum Currency { [{|NT0001:Metered|}] Euro }

        [{|NT0001:Metered|}]
        interface IStore { }

        [{|NT0001:Metered|}]
        [return: {|NT0001:Metered|}]
        delegate int Pricing([{|NT0001:Metered|}] int amount);

        [{|NT0001:Metered|}]
        record Order([{|NT0001:Metered|}] int Id);
        """);

    [Fact]
    public Task Reports_attributes_on_local_functions_and_lambdas() => VerifyMeteredAsync("""
        using System;
        using Contoso.Metrics;

        class Jobs
        {
            void Run()
            {
                [{|NT0001:Metered|}]
                static int Local<[{|NT0001:Metered|}] T>([{|NT0001:Metered|}] int x) => x;

                Func<int, int> square = [{|NT0001:Metered|}] ([{|NT0001:Metered|}] int x) => x * x;
                Func<int, int> twice = [return: {|NT0001:Metered|}] (int x) => x * 2;
                Local<int>(square(twice(1)));
            }
        }
        """);

    /// <summary>
    /// Declarations whose only attribute sits on a parameter or type parameter: the syntax check that decides whether
    /// a symbol is asked for its attributes must look there too.
    /// </summary>
    [Fact]
    public Task Reports_an_attribute_written_only_on_a_parameter_or_type_parameter() => VerifyMeteredAsync("""
        using Contoso.Metrics;

        class Box<[{|NT0001:Metered|}] T> { }

        struct Pair<[{|NT0001:Metered|}] TKey>(int size) { }

        class Shop([{|NT0001:Metered|}] int size)
        {
            int Checkout<[{|NT0001:Metered|}] TItem>(TItem item) => size;

            int Refund([{|NT0001:Metered|}] int amount) => amount;

            Shop(string name, [{|NT0001:Metered|}] int size2) : this(size2) { }

            int this[[{|NT0001:Metered|}] string key] => size;

            public static Shop operator +(Shop left, [{|NT0001:Metered|}] Shop right) => left;
        }

        delegate void Notify<[{|NT0001:Metered|}] TEvent>(TEvent e);

        record Order([{|NT0001:Metered|}] int Id);

        record Invoice([field: {|NT0001:Metered|}] int Total);
        """);

    [Fact]
    public Task Reports_attributes_in_top_level_statements() => VerifyMeteredAsync("""
        using Contoso.Metrics;

        [{|NT0001:Metered|}]
        static void Work() { }

        Work();
        """,
        Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);

    [Fact]
    public Task Reports_each_part_of_a_partial_declaration_in_its_own_file()
    {
        var test = CreateMeteredTest();
        test.TestState.Sources.Add("""
            using Contoso.Metrics;

            [{|NT0001:Metered|}]
            partial class Catalog
            {
                [{|NT0001:Metered|}]
                partial void OnLoaded();
            }
            """);
        test.TestState.Sources.Add("""
            using Contoso.Metrics;

            [{|NT0001:Metered|}(Name = "catalog")]
            partial class Catalog
            {
                [{|NT0001:Metered|}]
                partial void OnLoaded() { }
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_an_attribute_written_through_an_alias_or_global_qualified() => VerifyMeteredAsync("""
        using Counted = Contoso.Metrics.MeteredAttribute;

        class Jobs
        {
            [{|NT0001:Counted|}]
            void A() { }

            [global::Contoso.Metrics.{|NT0001:Metered|}]
            void B() { }

            [global::Contoso.Metrics.{|NT0001:MeteredAttribute|}]
            void C() { }
        }
        """);

    [Fact]
    public Task Reports_an_attribute_in_generated_code()
    {
        var test = CreateMeteredTest();
        test.TestState.Sources.Add(("Jobs.g.cs", """
            // <auto-generated/>
            class GeneratedJobs
            {
                [Contoso.Metrics.{|NT0001:Metered|}]
                void Run() { }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Does_not_report_other_attributes_or_an_unresolved_attribute_in_incomplete_code() => VerifyMeteredAsync("""
        using System;
        using System.ComponentModel;

        [Obsolete]
        class Settings
        {
            [DefaultValue(3), Category("Upload")]
            public int Retries { get; set; }

            [{|CS0246:{|CS0246:Metered|}|}]
            void Run() { }
        }
        """);

    private static Task VerifyMeteredAsync(string source, Microsoft.CodeAnalysis.OutputKind? outputKind = null)
    {
        var test = CreateMeteredTest();
        test.TestState.Sources.Add(source);
        if (outputKind is { } kind)
        {
            test.TestState.OutputKind = kind;
        }

        return test.RunAsync();
    }

    private static Usage.Test CreateMeteredTest()
    {
        var test = Usage.CreateTest();
        test.TestState.Sources.Add(("Metered.cs", MeteredAttribute));
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", "T:Contoso.Metrics.MeteredAttribute;Contoso metrics\n"));
        return test;
    }
}
