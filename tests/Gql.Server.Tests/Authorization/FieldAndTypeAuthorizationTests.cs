using Gql.Server.Authorization;
using Gql.Server.Relay;
using Gql.Server.Tests.Execution;
using Microsoft.Extensions.DependencyInjection;
using static Gql.Server.Tests.Authorization.AuthorizationTestSchema;

namespace Gql.Server.Tests.Authorization;

public sealed class FieldAndTypeAuthorizationTests
{
    private static readonly Schema Schema = Build();

    [Fact]
    public async Task Roles_AnyOneOfThemIsEnough()
    {
        var nurse = await Schema.RunAsync("{ patient(id: 1) { name } }", User("nina", "Nurse"));
        var doctor = await Schema.RunAsync("{ patient(id: 1) { name } }", User("dora", "Doctor"));

        Assert.Null(nurse.Errors);
        Assert.Equal("""{"patient":{"name":"SECRET-NAME-Alice"}}""", nurse.DataJson());
        Assert.Null(doctor.Errors);
    }

    [Fact]
    public async Task FieldRole_Missing_NullsTheFieldWithAnErrorAtItsPath()
    {
        var result = await Schema.RunAsync("{ patient(id: 1) { name diagnosis } }", User("nina", "Nurse"));

        Assert.Equal(
            """{"data":{"patient":{"name":"SECRET-NAME-Alice","diagnosis":null}},"errors":[{"Message":"The current user is not authorized to access this resource.","path":["patient","diagnosis"],"code":"AUTH_NOT_AUTHORIZED"}]}""",
            result.Json());
    }

    [Fact]
    public async Task Anonymous_GetsNotAuthenticated_NullUserToo()
    {
        var anonymous = await Schema.RunAsync("{ patient(id: 1) { name } }", Anonymous);
        var nobody = await Schema.RunAsync("{ patient(id: 1) { name } }", null);

        Assert.Equal("patient:AUTH_NOT_AUTHENTICATED", anonymous.Codes());
        Assert.Equal("""{"patient":null}""", anonymous.DataJson());
        Assert.Equal("patient:AUTH_NOT_AUTHENTICATED", nobody.Codes());
    }

    [Fact]
    public async Task SeveralRulesOnOneMember_MustAllPass()
    {
        var shift = new Shift();
        var effects = new SideEffects();
        var services = Services(effects, shift);

        var onDuty = await Schema.RunAsync("{ rota }", User("dora", "Doctor"), services);
        shift.OnDuty = false;
        var offDuty = await Schema.RunAsync("{ rota }", User("dora", "Doctor"), services);
        shift.OnDuty = true;
        var notADoctor = await Schema.RunAsync("{ rota }", User("nina", "Nurse"), services);

        Assert.Equal("""{"rota":"SECRET-ROTA"}""", onDuty.DataJson());
        Assert.Equal("rota:AUTH_NOT_AUTHORIZED", offDuty.Codes());
        Assert.Equal("rota:AUTH_NOT_AUTHORIZED", notADoctor.Codes());
        Assert.Equal(1, effects.SecretsRead);
    }

    [Fact]
    public async Task Policy_SeesTheParentValue_AndDecidesPerObject()
    {
        var result = await Schema.RunAsync("{ patients { name notes } }", User("alice", "Nurse"));

        Assert.Equal(
            """{"data":{"patients":[{"name":"SECRET-NAME-Alice","notes":"SECRET-NOTES-Alice"},{"name":"SECRET-NAME-Bob","notes":null}]},"errors":[{"Message":"The current user is not authorized to access this resource.","path":["patients",1,"notes"],"code":"AUTH_NOT_AUTHORIZED"}]}""",
            result.Json());
    }

    [Fact]
    public async Task PolicyResource_ExposesCoordinateArgumentsAndPath()
    {
        var seen = new List<AuthorizationResource>();
        var services = new ServiceCollection()
            .AddLogging()
            .AddAuthorizationCore(o =>
            {
                o.AddPolicy("OwnRecord", p => p.RequireAssertion(c =>
                {
                    seen.Add((AuthorizationResource)c.Resource!);
                    return true;
                }));
            });
        using var provider = services.BuildServiceProvider();

        await Schema.RunAsync("{ patient(id: 2) { notes } }", User("bob", "Nurse"), provider);

        var resource = Assert.Single(seen);
        Assert.Equal(AuthorizationTarget.Field, resource.Target);
        Assert.Equal("Patient.notes", resource.Coordinate);
        Assert.Same(Ward.Bob, resource.Parent);
        Assert.Equal(["patient", "notes"], resource.Path);
        Assert.Empty(resource.Arguments);
        Assert.Equal("bob", resource.User?.Identity?.Name);
    }

    [Fact]
    public async Task AllowAnonymous_LiftsTheRootClassRule_OnlyForThatField()
    {
        var effects = new SideEffects();
        var services = Services(effects);

        var version = await Schema.RunAsync("{ version }", null, services);
        var audit = await Schema.RunAsync("{ auditCount }", User("dora", "Doctor"), services);
        var admin = await Schema.RunAsync("{ auditCount }", User("ada", "Admin"), services);

        Assert.Equal("""{"version":"1.0"}""", version.DataJson());
        Assert.Null(version.Errors);
        Assert.Equal("auditCount:AUTH_NOT_AUTHORIZED", audit.Codes());
        Assert.Equal("""{"auditCount":42}""", admin.DataJson());
        Assert.Equal(1, effects.SecretsRead);
    }

    [Fact]
    public async Task MicrosoftAttributes_AreHonouredLikeOurs()
    {
        var doctor = await Schema.RunAsync("{ legacySecret legacyPolicy legacyOpen }", User("dora", "Doctor"));
        var nurse = await Schema.RunAsync("{ legacySecret legacyOpen }", User("nina", "Nurse"));
        var anonymous = await Schema.RunAsync("{ legacySecret legacyOpen }", null);

        Assert.Equal("""{"legacySecret":"SECRET-LEGACY","legacyPolicy":"SECRET-LEGACY-POLICY","legacyOpen":"open"}""", doctor.DataJson());
        Assert.Equal("legacySecret:AUTH_NOT_AUTHORIZED", nurse.Codes());
        Assert.Equal("legacySecret:AUTH_NOT_AUTHENTICATED", anonymous.Codes());
        Assert.Equal("""{"legacySecret":null,"legacyOpen":"open"}""", anonymous.DataJson());
    }

    [Fact]
    public async Task TypeRule_GuardsNestedValues_ThroughAnAnonymousParent()
    {
        var result = await Schema.RunAsync("{ beds { label currentPatient { name diagnosis } } }", User("visitor"));

        Assert.Equal(
            """{"data":{"beds":[{"label":"A-1","currentPatient":null},{"label":"A-2","currentPatient":null}]},"errors":[{"Message":"The current user is not authorized to access this resource.","path":["beds",0,"currentPatient"],"code":"AUTH_NOT_AUTHORIZED"}]}""",
            result.Json());
    }

    [Fact]
    public async Task TypeRule_GuardsNode_AndNodes()
    {
        var alice = NodeIds.Encode("Patient", 1);
        var bed = NodeIds.Encode("Bed", 10);

        var node = await Schema.RunAsync($$"""{ node(id: "{{alice}}") { id ... on Patient { name } } }""", User("visitor"));
        var nodes = await Schema.RunAsync($$"""{ nodes(ids: ["{{bed}}", "{{alice}}"]) { id ... on Bed { label } ... on Patient { name } } }""", null);

        Assert.Equal("""{"node":null}""", node.DataJson());
        Assert.Equal("node:AUTH_NOT_AUTHORIZED", node.Codes());
        Assert.Equal($$"""{"nodes":[{"id":"{{bed}}","label":"A-1"},null]}""", nodes.DataJson());
        Assert.Equal("nodes/1:AUTH_NOT_AUTHENTICATED", nodes.Codes());
    }

    [Fact]
    public async Task TypeRule_GuardsInterfaceFields_AndFragments()
    {
        var result = await Schema.RunAsync(
            """
            { people { name ...Chart ... on Visitor { badge } } }
            fragment Chart on Patient { diagnosis notes }
            """,
            User("visitor"));

        Assert.Equal(
            """{"data":{"people":[null,{"name":"Vera","badge":7}]},"errors":[{"Message":"The current user is not authorized to access this resource.","path":["people",0],"code":"AUTH_NOT_AUTHORIZED"}]}""",
            result.Json());
    }

    [Fact]
    public async Task Denial_InANonNullPosition_PropagatesLikeAnyNull()
    {
        var result = await Schema.RunAsync("{ version firstPatient { name } }", User("visitor"));

        Assert.True(result.HasData);
        Assert.Null(result.Data);
        Assert.Equal("firstPatient:AUTH_NOT_AUTHORIZED", result.Codes());
    }

    [Theory]
    [InlineData("{ beds { currentPatient { name diagnosis notes } } }")]
    [InlineData("{ people { name ... on Patient { diagnosis notes } } }")]
    [InlineData("{ patients { name diagnosis notes } }")]
    [InlineData("{ patient(id: 1) { ...P } } fragment P on Patient { name diagnosis notes }")]
    [InlineData("{ firstPatient { name } }")]
    [InlineData("{ node(id: \"UGF0aWVudDox\") { ... on Patient { name diagnosis } } }")]
    [InlineData("{ nodes(ids: [\"UGF0aWVudDox\", \"UGF0aWVudDoy\"]) { ... on Patient { name } } }")]
    [InlineData("{ rota auditCount legacySecret }")]
    public async Task NoPath_LeaksGuardedData(string query)
    {
        foreach (var user in new[] { null, Anonymous, User("visitor"), User("vera", "Receptionist") })
        {
            var result = await Schema.RunAsync(query, user);

            Assert.DoesNotContain("SECRET", result.Json(), StringComparison.Ordinal);
            Assert.NotNull(result.Errors);
            Assert.All(result.Errors, e => Assert.Contains(e.Code, new[] { ErrorCodes.NotAuthenticated, ErrorCodes.NotAuthorized }));
        }
    }

    [Fact]
    public async Task Mutation_Denied_DoesNotRun()
    {
        var effects = new SideEffects();
        var services = Services(effects);

        var nurse = await Schema.RunAsync("mutation { discharge(bedId: 10) { label } }", User("nina", "Nurse"), services);
        var doctor = await Schema.RunAsync("mutation { discharge(bedId: 10) { label } }", User("dora", "Doctor"), services);

        Assert.Null(nurse.Data);
        Assert.Equal("discharge:AUTH_NOT_AUTHORIZED", nurse.Codes());
        Assert.Equal("""{"discharge":{"label":"A-1"}}""", doctor.DataJson());
        Assert.Equal(1, effects.Discharges);
    }

    [Fact]
    public async Task FieldsWithoutRules_AreUntouched_WithNoUserAndNoAuthorizationServices()
    {
        var result = await Schema.RunAsync("{ beds { id label } version }", null, EmptyServices.Instance);

        Assert.Null(result.Errors);
        Assert.Equal("""{"beds":[{"id":"QmVkOjEw","label":"A-1"},{"id":"QmVkOjEx","label":"A-2"}],"version":"1.0"}""", result.DataJson());
    }

    [Fact]
    public async Task Policy_WithoutAuthorizationService_FailsClosed()
    {
        var result = await Schema.RunAsync("{ rota }", User("dora", "Doctor"), EmptyServices.Instance);

        Assert.Equal("""{"rota":null}""", result.DataJson());
        Assert.Equal("rota:INTERNAL_SERVER_ERROR", result.Codes());
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}

public sealed class FilterAndSortAuthorizationTests
{
    private static readonly Schema Schema = Build();

    [Theory]
    [InlineData("{ searchPatients(where: { diagnosis: { startsWith: \"SECRET-DX-A\" } }) { name } }")]
    [InlineData("{ searchPatients(where: { and: [{ name: { neq: \"x\" } }, { diagnosis: { eq: \"y\" } }] }) { name } }")]
    [InlineData("{ searchPatients(order: [{ name: ASC }, { diagnosis: DESC }]) { name } }")]
    public async Task FilteringOrSortingByAFieldTheUserMayNotRead_IsDenied_BeforeTheResolverRuns(string query)
    {
        var result = await Schema.RunAsync(query, User("nina", "Nurse"));

        Assert.Null(result.Data);
        Assert.Equal("searchPatients:AUTH_NOT_AUTHORIZED", result.Codes());
    }

    [Fact]
    public async Task FilteringByReadableFields_Works()
    {
        var result = await Schema.RunAsync("{ searchPatients(where: { name: { endsWith: \"Bob\" } }, order: [{ name: DESC }]) { name } }", User("nina", "Nurse"));

        Assert.Null(result.Errors);
        Assert.Equal("""{"searchPatients":[{"name":"SECRET-NAME-Bob"}]}""", result.DataJson());
    }

    [Fact]
    public async Task FilteringThroughANestedGuardedType_IsDenied()
    {
        var nested = await Schema.RunAsync("{ searchBeds(where: { currentPatient: { name: { startsWith: \"SECRET-NAME-A\" } } }) { label } }", null);
        var own = await Schema.RunAsync("{ searchBeds(where: { label: { eq: \"A-2\" } }) { label } }", null);

        Assert.Equal("searchBeds:AUTH_NOT_AUTHENTICATED", nested.Codes());
        Assert.Null(own.Errors);
        Assert.Equal("""{"searchBeds":[{"label":"A-2"}]}""", own.DataJson());
    }
}
