using System.Collections.Immutable;
using Gql.Server.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Gql.Server.Tests.DataLoaders;

public sealed class DataLoaderGeneratorTests
{
    private static (ImmutableArray<Diagnostic> Diagnostics, Compilation Output) Run(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Test", [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new DataLoaderGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, TestContext.Current.CancellationToken);
        return (diagnostics, output);
    }

    [Fact]
    public void BatchAndGroupedMethods_BecomeLoaderClasses_ThatCompile()
    {
        var (diagnostics, output) = Run("""
            using System.Collections.Generic; using System.Linq; using System.Threading; using System.Threading.Tasks;
            using Gql.Server.DataLoaders;
            namespace Clinic;
            public sealed record Visit(int Id, int PatientId);
            public sealed class Clock { public int Now => 1; }
            public static class VisitLoaders
            {
                [DataLoader]
                public static Task<IReadOnlyDictionary<int, Visit>> GetVisitByIdAsync(IReadOnlyList<int> ids, Clock clock, CancellationToken ct) =>
                    Task.FromResult<IReadOnlyDictionary<int, Visit>>(ids.ToDictionary(i => i, i => new Visit(i, clock.Now)));

                [DataLoader]
                public static Task<ILookup<int, Visit>> GetVisitsByPatientIdAsync(IReadOnlyList<int> ids, CancellationToken ct) =>
                    Task.FromResult(ids.Select(i => new Visit(i * 10, i)).ToLookup(v => v.PatientId));
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(output.GetTypeByMetadataName("Clinic.VisitByIdDataLoader"));
        Assert.Equal("GroupedDataLoader`2", output.GetTypeByMetadataName("Clinic.VisitsByPatientIdDataLoader")!.BaseType!.MetadataName);
    }

    [Fact]
    public void ProjectionParameter_GetsTheBranchsProjection()
    {
        var (diagnostics, output) = Run("""
            using System.Collections.Generic; using System.Linq; using System.Threading; using System.Threading.Tasks;
            using Gql.Server.DataLoaders;
            namespace Clinic;
            public sealed class Visit { public int Id { get; set; } public int PatientId { get; set; } }
            public static class VisitLoaders
            {
                [DataLoader]
                public static Task<ILookup<int, Visit>> GetVisitsByPatientIdAsync(IReadOnlyList<int> ids, Projection<Visit> projection, CancellationToken ct) =>
                    Task.FromResult(ids.Select(i => new Visit { Id = i * 10, PatientId = i }).ToLookup(v => v.PatientId));
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
        var generated = output.SyntaxTrees.Select(t => t.ToString()).Single(t => t.Contains("class VisitsByPatientIdDataLoader"));
        Assert.Contains("BranchState as global::Gql.Server.DataLoaders.Projection<global::Clinic.Visit> ?? global::Gql.Server.DataLoaders.Projection<global::Clinic.Visit>.All", generated);
        Assert.Contains("CreateBranch() => new VisitsByPatientIdDataLoader(services)", generated);
    }

    [Fact]
    public void MethodOfTheWrongShape_IsABuildError()
    {
        var (diagnostics, _) = Run("""
            using System.Collections.Generic; using System.Threading.Tasks; using Gql.Server.DataLoaders;
            public class Loaders
            {
                [DataLoader]
                public Task<List<int>> GetThingsAsync(int id) => Task.FromResult(new List<int>());
            }
            """);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("GQLS001", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("Loaders.GetThingsAsync(int)", error.GetMessage());
    }
}
