using Gql.Client.Tests.Infrastructure;
using Gql.Language;
using Gql.Language.Ast;
using Microsoft.CodeAnalysis;
using Snapshooter;
using Snapshooter.Xunit3;

namespace Gql.Client.Tests;

public class GeneratorTests
{
    private const string BadFile = "/project/GraphQL/Bad.graphql";

    private static string ClinicSchema => GeneratorHarness.ProjectGraphQLFiles().Single(f => f.Path.EndsWith("schema.graphql", StringComparison.Ordinal)).Text;

    [Fact]
    public void ProjectOperations_GenerateTheSnapshotCode_ThatCompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ProjectGraphQLFiles());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(
            [
                "ClinicClient.BookAppointment.g.cs", "ClinicClient.Fragments.g.cs", "ClinicClient.GetAppointments.g.cs", "ClinicClient.GetBeds.g.cs",
                "ClinicClient.GetPatient.g.cs", "ClinicClient.GetPatients.g.cs", "ClinicClient.GetStaff.g.cs", "ClinicClient.OnAppointmentChanged.g.cs",
                "ClinicClient.OnBedChanged.g.cs", "ClinicClient.Search.g.cs", "ClinicClient.SetBedOccupied.g.cs", "ClinicClient.Types.g.cs", "ClinicClient.g.cs",
            ],
            run.Sources.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in run.Sources)
        {
            // Plain text in, so each file stays readable C# in __snapshots__ (Snapshooter stores strings as they are).
            text.MatchSnapshot(SnapshotNameExtension.Create(name.Replace(".g.cs", ".cs", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Queries_HaveExecuteAndWatch_MutationsExecute_SubscriptionsWatch()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ProjectGraphQLFiles());

        var query = run.Sources["ClinicClient.GetBeds.g.cs"];
        Assert.Contains("ExecuteAsync(string? ward = null, global::System.Threading.CancellationToken cancellationToken = default);", query, StringComparison.Ordinal);
        Assert.Contains("Watch(string? ward = null, global::System.Threading.CancellationToken cancellationToken = default);", query, StringComparison.Ordinal);
        Assert.Contains("OperationExecutor.WatchQuery<IGetBedsResult>(transport, entityChanges,", query, StringComparison.Ordinal);
        var mutation = run.Sources["ClinicClient.SetBedOccupied.g.cs"];
        Assert.Contains(" ExecuteAsync(", mutation, StringComparison.Ordinal);
        Assert.DoesNotContain(" Watch(", mutation, StringComparison.Ordinal);
        var subscription = run.Sources["ClinicClient.OnBedChanged.g.cs"];
        Assert.Contains(" Watch(", subscription, StringComparison.Ordinal);
        Assert.DoesNotContain(" ExecuteAsync(", subscription, StringComparison.Ordinal);
        Assert.Contains("GraphQLEntityChanges EntityChanges { get; }", run.Sources["ClinicClient.g.cs"], StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Settings_NameTheClientAndNamespace()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ProjectGraphQLFiles(), clientName: "Hospital", rootNamespace: "Hospital.Web");

        var client = run.Sources["HospitalClient.g.cs"];
        Assert.Contains("namespace Hospital.Web.GraphQL", client, StringComparison.Ordinal);
        Assert.Contains("public partial interface IHospitalClient", client, StringComparison.Ordinal);
        Assert.Contains("AddHospitalClient(this IServiceCollection services)", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Documents_AddTypenameToAbstractSelections_AndCarryTheirFragments()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ProjectGraphQLFiles());

        var search = run.Sources["ClinicClient.Search.g.cs"];
        Assert.Contains("""
                    public const string Document = @"query Search($text: String!) {
              search(text: $text) {
                __typename
                ... on Patient {
                  mrn
                }
                ...StaffParts
              }
            }

            fragment StaffParts on StaffMember {
              __typename
              fullName
              department {
                name
              }
            }";
            """.Replace("\r\n", "\n"), search, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHospitalSchema_GeneratesCompilingCode_ForEveryQueryField()
    {
        var schemaText = File.ReadAllText(Path.Combine(RepositoryRoot(), "schema.graphql"));
        var operations = HospitalOperations(schemaText);
        Assert.NotEmpty(operations);

        var run = GeneratorHarness.Run([("/repo/schema.graphql", schemaText), ("/repo/Hospital.Web/GraphQL/All.graphql", operations)], clientName: "Hospital", rootNamespace: "Hospital.Web");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("IHospitalClient", run.Sources["HospitalClient.g.cs"], StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, int, int> InvalidOperations => new()
    {
        { "query Q { patient(id: 1) { nope } }", "GQL002", "Cannot query field \"nope\" on type \"Patient\".", 1, 28 },
        { "query Q {\n  staff {\n    nope\n  }\n}", "GQL002", "Cannot query field \"nope\" on type \"StaffMember\".", 3, 5 },
        { "query Q { patient(id: 1) { ... on Unknown { id } } }", "GQL003", "Unknown type \"Unknown\".", 1, 35 },
        { "query Q { patients(take: 1, bogus: 2) { id } }", "GQL004", "Unknown argument \"bogus\" on field \"Query.patients\".", 1, 29 },
        { "query Q { patient { id } }", "GQL005", "Field \"patient\" argument \"id\" of type \"Int!\" is required, but it was not provided.", 1, 11 },
        { "query Q { ...Missing }", "GQL006", "Unknown fragment \"Missing\".", 1, 11 },
        { "query Q { patient(id: 1) { ...Doc } } fragment Doc on Doctor { specialty }", "GQL007", "Fragment \"Doc\" cannot be spread here as objects of type \"Patient\" can never be of type \"Doctor\".", 1, 28 },
        { "query Q($x: Nope) { staff { id } }", "GQL008", "Unknown type \"Nope\" of variable \"$x\".", 1, 13 },
        { "query Q { patient(id: 1) { id { x } } }", "GQL009", "Field \"id\" must not have a selection since type \"Int!\" has no subfields.", 1, 28 },
        { "query Q { staff }", "GQL010", "Field \"staff\" of type \"[StaffMember!]!\" must have a selection of subfields. Did you mean \"staff { ... }\"?", 1, 11 },
        { "query Q { patient(id: 1) { id }", "GQL001", "Syntax Error: Expected Name, found <EOF>.", 1, 32 },
        { "{ staff { id } }", "GQL011", "Operations of a generated client must have a name, e.g. \"query GetPatients { ... }\".", 1, 1 },
        { "query Q { staff { id } } query Q { staff { id } }", "GQL012", "There can be only one operation named \"Q\".", 1, 32 },
        { "query Q { patient(id: $id) { id } }", "GQL013", "Variable \"$id\" is not defined by operation \"Q\".", 1, 23 },
        { "query Q { patient(id: 1) { a: id a: mrn } }", "GQL014", "Fields \"a\" conflict because \"id\" and \"mrn\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", 1, 34 },
        { "fragment A on Patient { ...A } query Q { patient(id: 1) { ...A } }", "GQL015", "Cannot spread fragment \"A\" within itself.", 1, 25 },
    };

    [Theory]
    [MemberData(nameof(InvalidOperations))]
    public void InvalidOperations_AreBuildErrors_AtTheirPlace(string operation, string id, string message, int line, int column)
    {
        var run = GeneratorHarness.Run([("/project/schema.graphql", ClinicSchema), (BadFile, operation)]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(BadFile, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void ASchemaSyntaxError_IsReportedInTheSchemaFile()
    {
        var run = GeneratorHarness.Run([("/project/schema.graphql", "type Query { a: Int"), (BadFile, "query Q { a }")]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("GQL001", diagnostic.Id);
        Assert.Equal("/project/schema.graphql", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void OperationsWithoutASchema_AreAnError()
    {
        var run = GeneratorHarness.Run([(BadFile, "query Q { a }")]);

        Assert.Equal("GQL016", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void TheGenerator_IsIncremental_KeyedOnFileContents()
    {
        var schema = new GeneratorHarness.InMemoryAdditionalText("/project/schema.graphql", ClinicSchema);
        var operation = new GeneratorHarness.InMemoryAdditionalText("/project/GraphQL/Q.graphql", "query Q { staff { id } }");
        var driver = GeneratorHarness.CreateDriver([]).AddAdditionalTexts([schema, operation]);
        var compilation = GeneratorHarness.CreateCompilation("namespace Sample { public static class Placeholder { } }");

        var first = GeneratorHarness.Run(driver, compilation);
        Assert.DoesNotContain("FullName", first.Sources["ClinicClient.Q.g.cs"], StringComparison.Ordinal);

        // Unchanged files: the output step is served from the cache.
        var second = GeneratorHarness.Run(first.Driver, compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Other { }", cancellationToken: TestContext.Current.CancellationToken)));
        var outputs = second.RunResult.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // An edited operation regenerates without a clean build.
        var edited = new GeneratorHarness.InMemoryAdditionalText(operation.Path, "query Q { staff { id fullName } }");
        var third = GeneratorHarness.Run(second.Driver.ReplaceAdditionalText(operation, edited), compilation);
        Assert.Contains("string FullName { get; }", third.Sources["ClinicClient.Q.g.cs"], StringComparison.Ordinal);
        Assert.Empty(third.CompilationProblems);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hospital.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Hospital.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>One query per Query field without required arguments, selecting its leaves and one level of objects.</summary>
    private static string HospitalOperations(string sdl)
    {
        var document = Parser.Parse(sdl);
        var types = document.Definitions.OfType<TypeDefinitionNode>().ToDictionary(t => t.Name.Value);
        var query = (ObjectTypeDefinitionNode)types["Query"];
        var text = new System.Text.StringBuilder();
        foreach (var field in query.Fields.Where(f => f.Arguments.All(a => a.Type is not NonNullTypeNode || a.DefaultValue is not null)))
        {
            text.Append("query Get").Append(char.ToUpperInvariant(field.Name.Value[0])).Append(field.Name.Value[1..]).Append(" { ").Append(field.Name.Value);
            text.Append(Selection(types, NamedType(field.Type), depth: 0)).Append(" }\n");
        }

        return text.ToString();
    }

    private static string Selection(Dictionary<string, TypeDefinitionNode> types, string typeName, int depth)
    {
        if (!types.TryGetValue(typeName, out var type) || type is ScalarTypeDefinitionNode or EnumTypeDefinitionNode)
        {
            return string.Empty;
        }

        var fields = type switch
        {
            ObjectTypeDefinitionNode o => o.Fields,
            InterfaceTypeDefinitionNode i => i.Fields,
            _ => [],
        };
        var parts = new List<string> { "__typename" };
        foreach (var field in fields.Where(f => f.Arguments.All(a => a.Type is not NonNullTypeNode || a.DefaultValue is not null)))
        {
            var child = NamedType(field.Type);
            var isLeaf = !types.TryGetValue(child, out var childType) || childType is ScalarTypeDefinitionNode or EnumTypeDefinitionNode;
            if (isLeaf)
            {
                parts.Add(field.Name.Value);
            }
            else if (depth < 1)
            {
                parts.Add(field.Name.Value + Selection(types, child, depth + 1));
            }
        }

        return " { " + string.Join(" ", parts) + " }";
    }

    private static string NamedType(TypeNode type) => type switch
    {
        NonNullTypeNode n => NamedType(n.Type),
        ListTypeNode l => NamedType(l.Type),
        NamedTypeNode n => n.Name.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
