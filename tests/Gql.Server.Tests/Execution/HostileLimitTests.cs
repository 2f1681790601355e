using System.Runtime.CompilerServices;
using Gql.Data.Paging;
using Gql.Server.Execution;
using Gql.Server.Relay;

namespace Gql.Server.Tests.Execution;

public sealed class Crate
{
    public int Id { get; init; }

    public required string Label { get; init; }

    public IReadOnlyList<Crate> Children => Id > 1_000 ? [] : [new Crate { Id = (Id * 10) + 1, Label = Label + ".1" }];
}

public sealed class CrateFilter
{
    public IReadOnlyList<CrateFilter>? And { get; init; }

    public string? Label { get; init; }
}

[ObjectType<Crate>]
public static class CrateType
{
    [NodeResolver]
    public static Crate? GetCrateById(int id) => new() { Id = id, Label = "crate " + id };
}

[QueryType]
public static class CrateQueries
{
    public static IEnumerable<Crate> GetCrates() => Enumerable.Range(1, 3).Select(i => new Crate { Id = i, Label = "crate " + i });

    [UseOffsetPaging(MaxPageSize = 100)]
    public static IQueryable<Crate> GetShelf() => GetCrates().AsQueryable();

    /// <summary>Counts the filter's nodes; a limit test fails when a refused filter reaches this resolver.</summary>
    public static int CountFilters(CrateFilter where) => 1 + (where.And?.Sum(f => CountFilters(f)) ?? 0);

    public static async Task<int> SlowAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        return 0;
    }
}

[SubscriptionType]
public static class CrateSubscriptions
{
    [Subscribe(With = nameof(Moves))]
    public static Crate CrateMoved([EventMessage] Crate crate) => crate;

    public static async IAsyncEnumerable<Crate> Moves([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= 3; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Crate { Id = i, Label = "moved " + i };
        }
    }
}

/// <summary>Hostile documents against the engine's limits: each is refused with a typed error before any resolver runs.</summary>
public sealed class HostileLimitTests
{
    private static readonly Schema Schema = new CodeFirstSchemaBuilder()
        .AddType(typeof(CrateQueries))
        .AddType(typeof(CrateType))
        .AddType(typeof(CrateSubscriptions))
        .Build();

    [Fact]
    public async Task Subscription_IsCostedByWhatItSelectsFromEveryEvent()
    {
        // crateMoved 1 + children (1 + 10 * (children 1 + 10 * (children 1 + 10 * label 1))) = 1 + 1 + 10 * (1 + 10 * 11) = 1112
        const string query = "subscription { crateMoved { children { children { children { label } } } } }";
        var options = new ExecutorOptions { MaxCost = 500 };

        var refused = await FirstAsync(query, options);
        var allowed = await FirstAsync("subscription { crateMoved { label } }", options);

        Assert.Equal("MAX_COST_EXCEEDED", Assert.Single(refused.Errors!).Code);
        Assert.Equal(RequestErrorKind.Validation, refused.RequestError);
        Assert.Null(allowed.Errors);
    }

    [Fact]
    public async Task Introspection_IsCosted()
    {
        var refused = await Schema.RunAsync("{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } } } }", options: new ExecutorOptions());
        var full = await Schema.RunAsync(IntrospectionQuery.Text, options: new ExecutorOptions());

        Assert.Equal("MAX_COST_EXCEEDED", Assert.Single(refused.Errors!).Code);
        Assert.Null(full.Errors);
    }

    [Fact]
    public async Task Nodes_RefusesMoreIdsThanTheLimit()
    {
        var ids = Enumerable.Range(1, 101).Select(i => NodeIds.Encode("Crate", i)).ToList();

        var literal = await Schema.RunAsync($$"""{ nodes(ids: [{{string.Join(",", ids.Select(i => $"\"{i}\""))}}]) { id } }""");
        var variable = await Schema.RunAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });
        var hundred = await Schema.RunAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = ids.Take(100).ToList() });

        Assert.Equal("MAX_NODE_IDS_EXCEEDED", Assert.Single(literal.Errors!).Code);
        Assert.Equal("MAX_NODE_IDS_EXCEEDED", Assert.Single(variable.Errors!).Code);
        Assert.False(variable.HasData);
        Assert.Null(hundred.Errors);
    }

    [Fact]
    public async Task Nodes_IsCostedByTheNumberOfIds()
    {
        var ids = Enumerable.Range(1, 60).Select(i => NodeIds.Encode("Crate", i)).ToList();

        // nodes 1 + 60 * (children 1 + 10 * label 1) = 661
        var refused = await Schema.RunAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Crate { children { label } } } }", new { ids }, options: new ExecutorOptions { MaxCost = 600 });

        Assert.Equal(661, Assert.Single(refused.Errors!).Extensions!["actual"]);
    }

    [Fact]
    public async Task OffsetPaging_IsCostedByTake()
    {
        // shelf 1 + items (1 + 80 * (children 1 + 10 * label 1)) = 882
        var refused = await Schema.RunAsync("{ shelf(take: 80) { items { children { label } } } }", options: new ExecutorOptions { MaxCost = 500 });
        var allowed = await Schema.RunAsync("{ shelf(take: 2) { items { children { label } } } }", options: new ExecutorOptions { MaxCost = 500 });

        Assert.Equal(882, Assert.Single(refused.Errors!).Extensions!["actual"]);
        Assert.Null(allowed.Errors);
    }

    [Fact]
    public async Task Aliases_OverTheLimitAreRefused()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(1, 30).Select(i => $"a{i}: crates {{ id }}")) + " }";

        var refused = await Schema.RunAsync(query, options: new ExecutorOptions { MaxAliases = 20, MaxCost = null });
        var allowed = await Schema.RunAsync(query, options: new ExecutorOptions { MaxAliases = 30, MaxCost = null });

        Assert.Equal("MAX_ALIASES_EXCEEDED", Assert.Single(refused.Errors!).Code);
        Assert.Null(allowed.Errors);
    }

    [Fact]
    public async Task Fields_OverTheLimitAreRefused_FragmentsExpanded()
    {
        // Each spread of F adds its three fields again: a small document that selects many fields.
        var query = "fragment F on Crate { id label children { id } } { crates { " + string.Join(" ", Enumerable.Range(1, 20).Select(i => $"c{i}: children {{ ...F }}")) + " } }";

        var refused = await Schema.RunAsync(query, options: new ExecutorOptions { MaxFields = 50, MaxCost = null });
        var allowed = await Schema.RunAsync(query, options: new ExecutorOptions { MaxFields = 200, MaxCost = null });

        var error = Assert.Single(refused.Errors!);
        Assert.Equal("MAX_FIELDS_EXCEEDED", error.Code);
        Assert.Equal(101, error.Extensions!["actual"]);
        Assert.Null(allowed.Errors);
    }

    [Fact]
    public async Task DeepInput_InALiteral_IsRefusedBeforeTheResolver()
    {
        var deep = "{ label: \"x\" }";
        for (var i = 0; i < 10; i++)
        {
            deep = $"{{ and: [{deep}] }}";
        }

        var refused = await Schema.RunAsync($"{{ countFilters(where: {deep}) }}", options: new ExecutorOptions { MaxInputDepth = 16 });
        var allowed = await Schema.RunAsync($"{{ countFilters(where: {deep}) }}", options: new ExecutorOptions { MaxInputDepth = 21 });

        var error = Assert.Single(refused.Errors!);
        Assert.Equal("MAX_INPUT_DEPTH_EXCEEDED", error.Code);
        Assert.Equal(21, error.Extensions!["actual"]);
        Assert.False(refused.HasData);
        Assert.Equal("""{"countFilters":11}""", allowed.DataJson());
    }

    [Fact]
    public async Task DeepInput_InAVariable_IsRefusedBeforeTheResolver()
    {
        object filter = new { label = "x" };
        for (var i = 0; i < 10; i++)
        {
            filter = new { and = new[] { filter } };
        }

        var refused = await Schema.RunAsync("query ($w: CrateFilterInput!) { countFilters(where: $w) }", new { w = filter }, options: new ExecutorOptions { MaxInputDepth = 16 });
        var allowed = await Schema.RunAsync("query ($w: CrateFilterInput!) { countFilters(where: $w) }", new { w = filter }, options: new ExecutorOptions { MaxInputDepth = 21 });

        Assert.Equal("MAX_INPUT_DEPTH_EXCEEDED", Assert.Single(refused.Errors!).Code);
        Assert.Equal(RequestErrorKind.Variables, refused.RequestError);
        Assert.Equal("""{"countFilters":11}""", allowed.DataJson());
    }

    [Fact]
    public async Task SlowOperation_IsStoppedAtTheTimeout_WithATypedError()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await Schema.RunAsync("{ slow }", options: new ExecutorOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(200) });

        var error = Assert.Single(result.Errors!);
        Assert.Equal("EXECUTION_TIMEOUT", error.Code);
        Assert.True(result.HasData);
        Assert.Null(result.Data);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
    }

    private static async Task<ExecutionResult> FirstAsync(string query, ExecutorOptions options)
    {
        await foreach (var result in new RequestExecutor(Schema, options).SubscribeAsync(new GraphQLRequest(query), new RequestContext { Services = new NoServices() }, TestContext.Current.CancellationToken))
        {
            return result;
        }

        throw new InvalidOperationException("The subscription ended without a result.");
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

/// <summary>The introspection query GraphQL IDEs send on start (the shape of graphql-js's getIntrospectionQuery).</summary>
internal static class IntrospectionQuery
{
    public const string Text = """
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
