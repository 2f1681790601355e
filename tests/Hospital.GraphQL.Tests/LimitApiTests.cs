using System.Net;
using Hospital.GraphQL.Limits;
using Microsoft.Extensions.Configuration;

namespace Hospital.GraphQL.Tests;

/// <summary>Hostile requests against the API over HTTP: refused with typed errors, before the database sees them.</summary>
public sealed class LimitApiTests(HospitalApi api)
{
    [Fact]
    public async Task DeepWhereTree_IsRefusedBeforeAnySql()
    {
        var where = "{ lastName: { eq: \"x\" } }";
        for (var i = 0; i < 12; i++)
        {
            where = $"{{ or: [{where}] }}";
        }

        await api.AccessTokenAsync("doctor");
        api.Sql.Reset();

        using var response = await api.SendWithTokenAsync(await api.AccessTokenAsync("doctor"), $"{{ patients(first: 5, where: {where}) {{ nodes {{ id }} }} }}");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MAX_INPUT_DEPTH_EXCEEDED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(0, api.Sql.Count);
    }

    [Fact]
    public async Task NodesWithMoreThanAHundredIds_AreRefusedBeforeAnySql()
    {
        var ids = Enumerable.Range(1, 101).Select(i => Gql.Server.Relay.NodeIds.Encode("Patient", i)).ToList();
        await api.AccessTokenAsync("doctor");
        api.Sql.Reset();

        var body = await api.PostAsAsync("doctor", "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        Assert.Equal("MAX_NODE_IDS_EXCEEDED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(body["data"]);
        Assert.Equal(0, api.Sql.Count);
    }

    [Fact]
    public async Task FullIntrospection_FitsTheDefaultLimits_SoTheIdeWorks()
    {
        var body = await api.PostAsAsync("analyst", IdeIntrospection);

        Assert.Null(body["errors"]);
        Assert.NotEmpty(body["data"]!["__schema"]!["types"]!.AsArray());
    }

    [Fact]
    public async Task RecursiveIntrospection_IsCosted()
    {
        var body = await api.PostAsAsync("analyst", "{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } } } }");

        Assert.Equal("MAX_COST_EXCEEDED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public void Limits_AreReadFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphQL:Limits:MaxCost"] = "0",
            ["GraphQL:Limits:MaxAliases"] = "7",
            ["GraphQL:Limits:MaxInputDepth"] = "5",
            ["GraphQL:Limits:MaxNodeIds"] = "20",
            ["GraphQL:Limits:ExecutionTimeoutSeconds"] = "3",
            ["GraphQL:Limits:MaxResponseBytes"] = "1000",
            ["GraphQL:Limits:MaxSubscriptionsPerSocket"] = "4",
            ["GraphQL:Limits:MaxEventStreamsPerUser"] = "3",
            ["GraphQL:Limits:EventStreamMaxMinutes"] = "5",
            ["GraphQL:Limits:AllowedOrigins:0"] = "https://ward.example",
        }).Build();

        var limits = GraphQLLimits.From(configuration);
        var engine = limits.ToExecutorOptions(includeExceptionDetails: false);

        Assert.Null(engine.MaxCost);
        Assert.Equal(7, engine.MaxAliases);
        Assert.Equal(5, engine.MaxInputDepth);
        Assert.Equal(20, engine.MaxNodeIds);
        Assert.Equal(TimeSpan.FromSeconds(3), engine.ExecutionTimeout);
        var http = new Gql.AspNetCore.GraphQLHttpOptions();
        limits.ApplyTo(http);
        Assert.Equal(1000, http.MaxResponseBodySize);
        Assert.Equal(4, http.WebSockets.MaxOperationsPerSocket);
        Assert.Equal(3, http.ServerSentEvents.MaxStreamsPerUser);
        Assert.Equal(TimeSpan.FromMinutes(5), http.ServerSentEvents.MaxDuration);
        Assert.Equal(["https://ward.example"], http.WebSockets.AllowedOrigins);
        Assert.Equal(100, GraphQLLimits.From(new ConfigurationBuilder().Build()).MaxNodeIds);
    }

    // The introspection query GraphQL IDEs send on start (the shape of graphql-js's getIntrospectionQuery).
    private const string IdeIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}
