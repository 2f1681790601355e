using System.Text.Json.Nodes;
using Gql.Server.Execution;
using Gql.Data.Paging;
using Gql.Server.Tests.Execution;

namespace Gql.Server.Tests.Paging;

public sealed class Person
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public int? Rank { get; init; }
}

public sealed class PagingTests
{
    // Names repeat on purpose: only the Id tie-breaker makes the order total.
    internal static readonly List<Person> People = Enumerable.Range(1, 23)
        .Select(i => new Person { Id = i, Name = "Name" + (char)('A' + (i * 7 % 5)), Rank = i % 3 == 0 ? null : i })
        .ToList();

    [QueryType]
    public static class PersonQueries
    {
        [UsePaging(DefaultPageSize = 5, MaxPageSize = 10)]
        public static IQueryable<Person> GetPeople() => People.AsQueryable().OrderBy(p => p.Name);

        [UsePaging]
        public static IQueryable<Person> GetByRank() => People.AsQueryable().OrderBy(p => p.Rank);
    }

    private static readonly Schema Schema = new CodeFirstSchemaBuilder().AddType(typeof(PersonQueries)).Build();

    [Fact]
    public void Connection_HasTheRelayShape()
    {
        var sdl = SchemaPrinter.Print(Schema);

        Assert.Contains("people(\n    \"\"\"Returns the first _n_ elements from the list.\"\"\"\n    first: Int", sdl);
        Assert.Contains("type PeopleConnection {\n  \"\"\"Information to aid in pagination.\"\"\"\n  pageInfo: PageInfo!", sdl);
        Assert.Contains("type PeopleEdge {", sdl);
        Assert.Contains("nodes: [Person!]", sdl);
        Assert.Contains("totalCount: Int!", sdl);
        Assert.Contains("type PageInfo {", sdl);
    }

    [Theory]
    [InlineData("people", 4)]
    [InlineData("byRank", 4)]
    public async Task ForwardWalk_SeesEveryRowOnce(string field, int pageSize)
    {
        var seen = new List<int>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var result = await Schema.RunAsync($"query ($after: String) {{ page: {field}(first: {pageSize}, after: $after) {{ nodes {{ id }} pageInfo {{ hasNextPage hasPreviousPage endCursor }} }} }}", new { after });
            Assert.Null(result.Errors);
            var page = JsonNode.Parse(result.DataJson())!["page"]!;
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<int>()));
            Assert.Equal(after is not null, page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            pages++;
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        var expected = field == "people"
            ? People.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id)
            : People.OrderBy(p => p.Rank).ThenBy(p => p.Id).Select(p => p.Id);
        Assert.Equal(expected, seen);
        Assert.Equal(6, pages);
    }

    [Fact]
    public async Task BackwardWalk_SeesEveryRowOnce_InOrder()
    {
        var seen = new List<int>();
        string? before = null;
        while (true)
        {
            var result = await Schema.RunAsync("query ($before: String) { people(last: 5, before: $before) { edges { cursor node { id } } pageInfo { hasPreviousPage startCursor } } }", new { before });
            var page = JsonNode.Parse(result.DataJson())!["people"]!;
            seen.InsertRange(0, page["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<int>()));
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>())
            {
                break;
            }

            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }

        Assert.Equal(People.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id), seen);
    }

    [Fact]
    public async Task DefaultPageSize_AndTotalCount()
    {
        var result = await Schema.RunAsync("{ people { totalCount nodes { id } } }");

        var page = JsonNode.Parse(result.DataJson())!["people"]!;
        Assert.Equal(23, page["totalCount"]!.GetValue<int>());
        Assert.Equal(5, page["nodes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("people(first: 1, last: 1)", "Pass either `first` or `last`, not both.", "PAGING_INVALID")]
    [InlineData("people(first: 11)", "`first` must be between 0 and 10, not 11.", "PAGING_INVALID")]
    [InlineData("people(last: -1)", "`last` must be between 0 and 10, not -1.", "PAGING_INVALID")]
    [InlineData("people(after: \"bm9wZQ==\")", "The cursor \"bm9wZQ==\" is not valid for this list.", "PAGING_INVALID_CURSOR")]
    [InlineData("people(after: \"%%%\")", "The cursor \"%%%\" is not valid for this list.", "PAGING_INVALID_CURSOR")]
    public async Task BadArguments_AreFieldErrorsWithCodes(string selection, string message, string code)
    {
        var result = await Schema.RunAsync($"{{ {selection} {{ nodes {{ id }} }} }}");

        var error = Assert.Single(result.Errors!);
        Assert.Equal(message, error.Message);
        Assert.Equal(code, error.Code);
        Assert.Equal(["people"], error.Path!);
    }

    [Fact]
    public async Task CursorOfAnotherList_IsRejected()
    {
        var other = JsonNode.Parse((await Schema.RunAsync("{ byRank(first: 1) { pageInfo { endCursor } } }")).DataJson())!["byRank"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var result = await Schema.RunAsync("query ($after: String) { people(after: $after) { nodes { id } } }", new { after = other });

        Assert.Equal("PAGING_INVALID_CURSOR", result.Errors![0].Code);
    }
}

public sealed class CostTests
{
    private sealed class Item
    {
        public int Id { get; init; }
        public List<Item> Children { get; init; } = [];
    }

    [QueryType]
    private static class ItemQueries
    {
        [UsePaging(DefaultPageSize = 10, MaxPageSize = 100)]
        public static IQueryable<Item> GetItems() => Enumerable.Range(1, 3).Select(i => new Item { Id = i }).AsQueryable();
    }

    private static readonly Schema Schema = new CodeFirstSchemaBuilder().AddType(typeof(ItemQueries)).Build();

    [Fact]
    public async Task PagedFields_MultiplyTheirSubtreeByThePageSize()
    {
        // items 1 + nodes (1 + 50 per page * (id 1 + children (1 + 10 by default * id 1))) = 602
        var refused = await Schema.RunAsync("{ items(first: 50) { nodes { id children { id } } } }", options: new ExecutorOptions { MaxCost = 500 });
        var allowed = await Schema.RunAsync("query ($n: Int) { items(first: $n) { nodes { id children { id } } } }", new { n = 2 }, options: new ExecutorOptions { MaxCost = 100 });

        Assert.Equal("The operation has an estimated cost of 602, over the limit of 500 by 102. Ask for smaller pages or fewer nested lists.", refused.Errors![0].Message);
        Assert.Equal("MAX_COST_EXCEEDED", refused.Errors[0].Code);
        Assert.Equal(RequestErrorKind.Validation, refused.RequestError);
        Assert.Null(allowed.Errors);
    }

    [Fact]
    public async Task Introspection_IsCosted()
    {
        var result = await Schema.RunAsync("{ __schema { types { fields { args { type { ofType { name } } } } } } }", options: new ExecutorOptions { MaxCost = 1 });

        Assert.Equal("MAX_COST_EXCEEDED", Assert.Single(result.Errors!).Code);
    }
}
