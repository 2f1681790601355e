using Gql.Server.Authorization;
using Gql.Server.Tests.Execution;
using Microsoft.Extensions.DependencyInjection;
using static Gql.Server.Tests.Authorization.AuthorizationTestSchema;
using AuthorizeAttribute = Gql.Server.Authorization.AuthorizeAttribute;

namespace Gql.Server.Tests.Authorization;

[Authorize(Roles = ["Doctor"])]
public abstract class Specimen
{
    public required string Label { get; init; }
}

public sealed class Blood : Specimen
{
    public int Volume { get; init; }
}

public sealed class Tissue : Specimen
{
    [Authorize(Roles = ["Pathologist"])]
    public string? Site { get; init; }
}

[QueryType]
public static class LabQueries
{
    [Authorize]
    public static IEnumerable<Specimen?> GetSpecimens() => [new Blood { Label = "SECRET-B", Volume = 5 }, new Tissue { Label = "SECRET-T", Site = "SECRET-SITE" }];

    [Authorize]
    public static Tissue? GetTissue() => new() { Label = "SECRET-T", Site = "SECRET-SITE" };
}

public sealed record LabelInput([property: Authorize] string Label);

[QueryType]
public static class InputQueries
{
    [Authorize]
    public static string Echo(LabelInput input) => input.Label;
}

public sealed class InterfaceAuthorizationTests
{
    private static readonly Schema Lab = new CodeFirstSchemaBuilder().AddType(typeof(LabQueries)).Build();

    [Fact]
    public void RuleOnAnAbstractType_IsPrintedAndEnforcedOnEachImplementation()
    {
        var sdl = SchemaPrinter.Print(Lab);

        Assert.Contains("interface Specimen {", sdl);
        Assert.Contains("type Blood implements Specimen @authorize(roles: [\"Doctor\"]) {", sdl);
        Assert.Contains("type Tissue implements Specimen @authorize(roles: [\"Doctor\"]) {", sdl);
    }

    [Fact]
    public async Task RuleOnAnAbstractType_GuardsValuesThroughTheInterfaceAndDirectly()
    {
        var nurse = await Lab.RunAsync("{ specimens { label ... on Blood { volume } } tissue { label } }", User("nina", "Nurse"));
        var doctor = await Lab.RunAsync("{ specimens { label ... on Tissue { site } } }", User("dora", "Doctor"));

        Assert.Equal("""{"specimens":[null,null],"tissue":null}""", nurse.DataJson());
        Assert.Equal("specimens/0:AUTH_NOT_AUTHORIZED,specimens/1:AUTH_NOT_AUTHORIZED,tissue:AUTH_NOT_AUTHORIZED", nurse.Codes());
        Assert.Equal("""{"specimens":[{"label":"SECRET-B"},{"label":"SECRET-T","site":null}]}""", doctor.DataJson());
        Assert.Equal("specimens/1/site:AUTH_NOT_AUTHORIZED", doctor.Codes());
    }

    [Fact]
    public async Task SdlFirst_InterfaceRules_MoveToTheImplementations()
    {
        var schema = SchemaBuilder.FromSdl(
            """
            type Query { entries: [Entry] }
            interface Entry @authorize(roles: ["Clerk"]) { code: String @authorize(roles: ["Admin"]) }
            type Doc implements Entry { code: String pages: Int }
            """,
            ExecutionTestHelpers.Resolvers(("Query", "entries", ExecutionTestHelpers.Value(new[] { new Dictionary<string, object?> { ["code"] = "SECRET-C", ["pages"] = 3 } }))));
        ((Types.InterfaceType)schema.FindType("Entry")!).ResolveType = (_, s) => (Types.ObjectType)s.FindType("Doc")!;
        var sdl = SchemaPrinter.Print(schema);

        var clerk = await schema.RunAsync("{ entries { code ... on Doc { pages } } }", User("cleo", "Clerk"));
        var admin = await schema.RunAsync("{ entries { code } }", User("ada", "Admin"));

        Assert.Contains("type Doc implements Entry @authorize(roles: [\"Clerk\"]) {\n  code: String @authorize(roles: [\"Admin\"])\n  pages: Int\n}", sdl);
        Assert.Contains("interface Entry {\n  code: String @authorize(roles: [\"Admin\"])\n}", sdl);
        Assert.Equal("""{"entries":[{"code":null,"pages":3}]}""", clerk.DataJson());
        Assert.Equal("""{"entries":[null]}""", admin.DataJson());
    }

    [Fact]
    public async Task TypeRulePolicy_SeesTheValueItGuards()
    {
        var seen = new List<AuthorizationResource>();
        var schema = SchemaBuilder.FromSdl("""
            type Query { record: Record }
            type Record @authorize(policy: "Own") { owner: String }
            """,
            ExecutionTestHelpers.Resolvers(("Query", "record", ExecutionTestHelpers.Value(new Dictionary<string, object?> { ["owner"] = "alice" }))));
        using var services = new ServiceCollection().AddLogging().AddAuthorizationCore(o => o.AddPolicy("Own", p => p.RequireAssertion(c =>
        {
            var resource = (AuthorizationResource)c.Resource!;
            seen.Add(resource);
            return resource.Instance is IReadOnlyDictionary<string, object?> record && (string?)record["owner"] == c.User.Identity?.Name;
        }))).BuildServiceProvider();

        var alice = await schema.RunAsync("{ record { owner } }", User("alice"), services);
        var bob = await schema.RunAsync("{ record { owner } }", User("bob"), services);

        Assert.Equal("""{"record":{"owner":"alice"}}""", alice.DataJson());
        Assert.Equal("record:AUTH_NOT_AUTHORIZED", bob.Codes());
        Assert.Equal(AuthorizationTarget.Type, seen[0].Target);
        Assert.Equal("Record", seen[0].Coordinate);
        Assert.Equal("Query.record", seen[0].Field.ToString());
        Assert.Null(seen[0].Parent);
        Assert.Equal(["record"], seen[0].Path);
    }

    [Fact]
    public void AuthorizationOnAnInputType_FailsTheBuild()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(InputQueries)).Build());

        Assert.StartsWith("LabelInput is used as an input type, where authorization attributes guard nothing.", Assert.Single(error.Errors));
    }

    [Fact]
    public void UnknownPolicies_FailAtStartup()
    {
        var schema = Build();
        using var partial = new ServiceCollection().AddLogging().AddAuthorizationCore(o => o.AddPolicy("OwnRecord", p => p.RequireAssertion(_ => true))).BuildServiceProvider();
        using var none = new ServiceCollection().BuildServiceProvider();

        var missing = Assert.Throws<SchemaException>(() => schema.EnsurePoliciesExist(partial));
        var unregistered = Assert.Throws<SchemaException>(() => schema.EnsurePoliciesExist(none));
        schema.EnsurePoliciesExist(Services());

        Assert.Equal(["OnShift", "OwnRecord"], schema.GetAuthorizationPolicies());
        Assert.Equal("The schema uses authorization policies that are not registered: OnShift. Register them with services.AddAuthorization(o => o.AddPolicy(...)).", Assert.Single(missing.Errors));
        Assert.StartsWith("The schema uses the authorization policies OnShift, OwnRecord, but no authorization services are registered", Assert.Single(unregistered.Errors));
    }
}
