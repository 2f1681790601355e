using Gql.Server.Authorization;
using Gql.Server.Execution;
using Gql.Server.Tests.Execution;
using Snapshooter.Xunit3;
using static Gql.Server.Tests.Authorization.AuthorizationTestSchema;
using AllowAnonymousAttribute = Gql.Server.Authorization.AllowAnonymousAttribute;
using AuthorizeAttribute = Gql.Server.Authorization.AuthorizeAttribute;

namespace Gql.Server.Tests.Authorization;

public sealed class Chart
{
    public int Id { get; init; }
    public string? Text { get; init; }
}

[QueryType]
public static class ChartQueries
{
    public static Chart GetChart() => new() { Id = 1, Text = "t" };

    [AllowAnonymous]
    public static string GetHello() => "hello";
}

[ObjectType<Chart>]
[Authorize(Roles = ["Doctor"])]
public static class GuardedChartType
{
    [AllowAnonymous]
    public static string GetTitle([Parent] Chart chart) => "chart " + chart.Id;
}

[ObjectType<Chart>]
public static class NodeChartType
{
    [Relay.NodeResolver]
    [Authorize]
    public static Chart? GetChartById(int id) => new() { Id = id };
}

[QueryType]
public static class SchemeQueries
{
    [Microsoft.AspNetCore.Authorization.Authorize(AuthenticationSchemes = "Bearer")]
    public static string GetToken() => "t";
}

[QueryType]
public static class ContradictoryQueries
{
    [Authorize]
    [AllowAnonymous]
    public static string GetBoth() => "both";
}

public sealed class SchemaAuthorizationTests
{
    [Fact]
    public void Sdl_ShowsEveryRule()
    {
        SchemaPrinter.Print(Build()).MatchSnapshot();
    }

    [Fact]
    public void RulesTable_ListsEveryFieldWithItsEffectiveRule()
    {
        Build().PrintAuthorizationRules().MatchSnapshot();
    }

    [Fact]
    public void RulesTable_ReportsTypeRulesFieldRulesAndAnonymous()
    {
        var rules = Build().GetAuthorizationRules().ToDictionary(r => r.Coordinate);

        Assert.Equal(["@authorize(roles: [\"Doctor\", \"Nurse\"])"], rules["Patient.name"].TypeRules.Select(r => r.ToString()));
        Assert.Equal(["@authorize(roles: [\"Doctor\"])"], rules["Patient.diagnosis"].FieldRules.Select(r => r.ToString()));
        Assert.Equal(["@authorize(roles: [\"Admin\"])"], rules["Query.auditCount"].FieldRules.Select(r => r.ToString()));
        Assert.True(rules["Query.version"].AllowAnonymous);
        Assert.True(rules["Bed.label"].AllowAnonymous);
        Assert.Equal(["@authorize(roles: [\"Admin\", \"Doctor\"])"], rules["Query.legacySecret"].FieldRules.Select(r => r.ToString()));
        Assert.False(rules["Visitor.badge"].HasRule);
    }

    [Fact]
    public void SchemaWithoutRules_PrintsExactlyAsBefore_NoAuthorizationDirectives()
    {
        var sdl = SchemaPrinter.Print(new CodeFirstSchemaBuilder().AddType(typeof(CodeFirst.WardQueries)).UseServiceDetection(t => t == typeof(CodeFirst.Counter)).Build());

        Assert.DoesNotContain("authorize", sdl, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("allowAnonymous", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireAuthorization_FailsTheBuild_NamingEveryFieldWithoutARule()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(ChartQueries)).RequireAuthorization().Build());

        Assert.Equal(
            "Authorization is required, but 3 field(s) have no rule: Chart.id, Chart.text, Query.chart. Add [Authorize] (or [AllowAnonymous]) to each field, to its declaring class, or to its type.",
            Assert.Single(error.Errors));
    }

    [Fact]
    public void RequireAuthorization_SkipsNodeFieldsAndGeneratedTypes_AndTakesAPredicate()
    {
        var error = Assert.Throws<SchemaException>(() => Build(b => b.RequireAuthorization()));
        var schema = Build(b => b.RequireAuthorization(f => f.DeclaringType.Name != "Visitor" && AuthorizationSchemaExtensions.RequiresRuleByDefault(f)));

        Assert.Equal(
            "Authorization is required, but 2 field(s) have no rule: Visitor.name, Visitor.badge. Add [Authorize] (or [AllowAnonymous]) to each field, to its declaring class, or to its type.",
            Assert.Single(error.Errors));
        Assert.NotNull(schema.QueryType.Fields.Find("node"));
    }

    [Fact]
    public void AllowAnonymous_OnAFieldOfAGuardedType_FailsTheBuild()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(ChartQueries)).AddType(typeof(GuardedChartType)).Build());

        Assert.Equal(
            "Chart.title is @allowAnonymous, but its type Chart is guarded (@authorize(roles: [\"Doctor\"])): a type rule hides every Chart value, so the field could never be read anonymously. Move the type's rule to its other fields, or remove @allowAnonymous.",
            Assert.Single(error.Errors));
    }

    [Fact]
    public void Authorize_OnANodeResolver_FailsTheBuild_InsteadOfGuardingOnlyNode()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(ChartQueries)).AddType(typeof(NodeChartType)).Build());

        Assert.StartsWith("NodeChartType.GetChartById: authorization attributes on a [NodeResolver] would guard only node(id:).", Assert.Single(error.Errors));
    }

    [Fact]
    public void MicrosoftAuthorize_WithAuthenticationSchemes_FailsTheBuild()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(SchemeQueries)).Build());

        Assert.StartsWith("SchemeQueries.GetToken: [Authorize(AuthenticationSchemes = \"Bearer\")] cannot be honoured", Assert.Single(error.Errors));
    }

    [Fact]
    public void AuthorizeAndAllowAnonymous_OnOneMember_FailsTheBuild()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(ContradictoryQueries)).Build());

        Assert.Equal("Query.both has both @authorize and @allowAnonymous: remove one of them.", Assert.Single(error.Errors));
    }

    [Fact]
    public async Task SdlFirst_AuthorizeOnTypesFieldsAndThroughUnions()
    {
        var schema = SchemaBuilder.FromSdl("""
            type Query {
              search: [SearchResult]!
              secret: String @authorize(roles: ["Admin"])
              both: String @authorize(roles: ["Doctor"]) @authorize(policy: "OnShift")
              open: String @allowAnonymous
            }

            union SearchResult = Record | Note

            type Record @authorize(roles: ["Doctor"]) {
              id: Int!
            }

            type Note {
              text: String
            }
            """,
            ExecutionTestHelpers.Resolvers(
                ("Query", "search", ExecutionTestHelpers.Value(new object[] { new SdlRecord(7), new SdlNote("hi") })),
                ("Query", "secret", ExecutionTestHelpers.Value("SECRET")),
                ("Query", "both", ExecutionTestHelpers.Value("SECRET-BOTH")),
                ("Query", "open", ExecutionTestHelpers.Value("open"))));
        ((Types.ObjectType)schema.FindType("Record")!).IsTypeOf = v => v is SdlRecord;
        ((Types.ObjectType)schema.FindType("Note")!).IsTypeOf = v => v is SdlNote;
        const string Query = "{ search { ... on Record { id } ... on Note { text } } secret both open }";

        var nurse = await schema.RunAsync(Query, User("nina", "Nurse"));
        var doctor = await schema.RunAsync(Query, User("dora", "Doctor"));

        Assert.Equal("""{"search":[null,{"text":"hi"}],"secret":null,"both":null,"open":"open"}""", nurse.DataJson());
        Assert.Equal("search/0:AUTH_NOT_AUTHORIZED,secret:AUTH_NOT_AUTHORIZED,both:AUTH_NOT_AUTHORIZED", nurse.Codes());
        Assert.Equal("""{"search":[{"id":7},{"text":"hi"}],"secret":null,"both":"SECRET-BOTH","open":"open"}""", doctor.DataJson());
        Assert.Equal("secret:AUTH_NOT_AUTHORIZED", doctor.Codes());
    }

    [Fact]
    public void SdlFirst_PrintsTheRulesBack_WithTheDirectiveDefinitions()
    {
        var sdl = SchemaPrinter.Print(SchemaBuilder.FromSdl("""
            type Query {
              secret: String @authorize(roles: ["Admin"]) @authorize(policy: "OnShift")
              open: String @allowAnonymous
            }

            type Record @authorize(policy: "OwnRecord") {
              id: Int!
            }
            """));

        Assert.Contains("directive @allowAnonymous on OBJECT | FIELD_DEFINITION", sdl);
        Assert.Contains("directive @authorize(\n  \"\"\"The user needs at least one of these roles.\"\"\"\n  roles: [String!]\n", sdl);
        Assert.Contains(") repeatable on OBJECT | FIELD_DEFINITION", sdl);
        Assert.Contains("secret: String @authorize(roles: [\"Admin\"]) @authorize(policy: \"OnShift\")", sdl);
        Assert.Contains("open: String @allowAnonymous", sdl);
        Assert.Contains("type Record @authorize(policy: \"OwnRecord\") {", sdl);
    }

    private sealed record SdlRecord(int Id);

    private sealed record SdlNote(string Text);
}
