extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using GraphQLClientGenerator = generator::Gql.Client.Generator.GraphQLClientGenerator;

namespace Gql.Client.Tests.Infrastructure;

/// <summary>Runs the client generator over in-memory GraphQL files and compiles what it generates.</summary>
public sealed class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private GeneratorHarness(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    /// <summary>The compilation with the generated sources added.</summary>
    public Compilation Output { get; }

    /// <summary>What the generator reported (GQL diagnostics).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult RunResult => Driver.GetRunResult();

    /// <summary>The generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        RunResult.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Errors and warnings of compiling the generated code together with Gql.Client.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratedClient",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Default));

    public static GeneratorHarness Run(IEnumerable<(string Path, string Text)> files, string clientName = "Clinic", string rootNamespace = "Sample")
    {
        var driver = CreateDriver(files, clientName, rootNamespace);
        return Run(driver, CreateCompilation("namespace Sample { public static class Placeholder { } }"));
    }

    public static GeneratorDriver CreateDriver(IEnumerable<(string Path, string Text)> files, string clientName = "Clinic", string rootNamespace = "Sample")
    {
        var options = new Dictionary<string, string>
        {
            ["build_property.GqlClientName"] = clientName,
            ["build_property.RootNamespace"] = rootNamespace,
        };
        return CSharpGeneratorDriver.Create(
            [new GraphQLClientGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            ParseOptions,
            new OptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorHarness Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, TestContext.Current.CancellationToken);
        return new GeneratorHarness(driver, output, diagnostics);
    }

    /// <summary>The test project's own GraphQL files (copied to the output folder).</summary>
    public static IReadOnlyList<(string Path, string Text)> ProjectGraphQLFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "GraphQL"), "*.graphql")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("/project/GraphQL/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared frameworks' assemblies (runtime and ASP.NET Core, for DI and IHttpClientFactory) and Gql.Client.
        var frameworkDirectories = new[]
        {
            typeof(object).Assembly.Location,
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location,
            typeof(System.Net.Http.IHttpClientFactory).Assembly.Location,
        }.Select(Path.GetDirectoryName).ToHashSet(StringComparer.Ordinal);
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => frameworkDirectories.Contains(Path.GetDirectoryName(p)))
            .Append(typeof(IGraphQLTransport).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class OptionsProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
