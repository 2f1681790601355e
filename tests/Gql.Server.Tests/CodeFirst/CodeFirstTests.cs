using Gql.Server.Execution;
using Gql.Server.Tests.Execution;

namespace Gql.Server.Tests.CodeFirst;

public enum WardKind
{
    General,
    IntensiveCare,
}

public sealed class Ward
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public WardKind Kind { get; init; }
    public string? Notes { get; init; }
    public List<Bed> Beds { get; init; } = [];
    public int Secret { get; init; }
}

public sealed record Bed(int Id, string Label);

public abstract class Person
{
    public required string Name { get; init; }
}

public sealed class Nurse : Person
{
    public int Shift { get; init; }
}

public sealed record RenameWardInput(int WardId, string Name, bool Notify = false);

public sealed class Counter
{
    public int Calls;
}

[QueryType]
public static class WardQueries
{
    internal static readonly List<Ward> Wards =
    [
        new() { Id = 1, Name = "Cardiology", Kind = WardKind.General, Beds = [new(1, "C-1"), new(2, "C-2")], Secret = 42 },
        new() { Id = 2, Name = "ICU", Kind = WardKind.IntensiveCare },
    ];

    [GraphQLDescription("All wards, optionally of one kind.")]
    public static IEnumerable<Ward> GetWards(WardKind? kind = null) => Wards.Where(w => kind is null || w.Kind == kind);

    public static Task<Ward?> GetWardByIdAsync(int id, CancellationToken cancellationToken) => Task.FromResult(Wards.FirstOrDefault(w => w.Id == id));

    public static Person GetOnDuty() => new Nurse { Name = "Flo", Shift = 2 };

    public static int[] Echo(List<int> numbers, string? label = "none") => numbers.Select(n => n * 2).ToArray();

    public static int CountCalls(Counter counter) => ++counter.Calls;

    [GraphQLDeprecated("Use wards.")]
    public static string GetOld() => "old";
}

[MutationType]
public static class WardMutations
{
    public static Ward RenameWard(RenameWardInput input)
    {
        var ward = WardQueries.Wards.Single(w => w.Id == input.WardId);
        return new Ward { Id = ward.Id, Name = input.Notify ? input.Name + "!" : input.Name, Kind = ward.Kind };
    }
}

[ObjectType<Ward>]
public static class WardType
{
    public static void Configure(ObjectTypeConfiguration<Ward> type) => type.Ignore(w => w.Secret);

    public static int GetBedCount([Parent] Ward ward) => ward.Beds.Count;

    // Replaces the Beds property: relations resolve through the extension, not the navigation.
    public static IEnumerable<Bed> GetBeds(Ward ward, int first = 10) => ward.Beds.Take(first);
}

public sealed class CodeFirstTests
{
    private static Schema Build() => new CodeFirstSchemaBuilder()
        .AddType(typeof(WardQueries))
        .AddType(typeof(WardMutations))
        .AddType(typeof(WardType))
        .AddType<Nurse>()
        .UseServiceDetection(t => t == typeof(Counter))
        .Build();

    [Fact]
    public void Schema_FollowsHotChocolateConventions()
    {
        var sdl = SchemaPrinter.Print(Build());

        Assert.Contains(""""
            type Query {
              """All wards, optionally of one kind."""
              wards(kind: WardKind): [Ward!]!
              wardById(id: Int!): Ward
              onDuty: Person!
              echo(numbers: [Int!]!, label: String = "none"): [Int!]!
              countCalls: Int!
              old: String! @deprecated(reason: "Use wards.")
            }
            """", sdl);
        Assert.Contains("""
            type Ward {
              id: Int!
              name: String!
              kind: WardKind!
              notes: String
              beds(first: Int! = 10): [Bed!]!
              bedCount: Int!
            }
            """, sdl);
        Assert.Contains("enum WardKind {\n  GENERAL\n  INTENSIVE_CARE\n}", sdl);
        Assert.Contains("input RenameWardInput {\n  wardId: Int!\n  name: String!\n  notify: Boolean! = false\n}", sdl);
        Assert.Contains("interface Person {\n  name: String!\n}", sdl);
        Assert.Contains("type Nurse implements Person {", sdl);
        Assert.DoesNotContain("secret", sdl);
    }

    [Fact]
    public async Task Resolvers_BindArgumentsParentsServicesAndTokens()
    {
        var result = await Build().RunAsync("""
            {
              wards(kind: GENERAL) { name kind bedCount beds(first: 1) { label } }
              wardById(id: 2) { name notes }
              onDuty { name ... on Nurse { shift } }
              echo(numbers: [1, 2])
            }
            """);

        Assert.Null(result.Errors);
        Assert.Equal("""{"wards":[{"name":"Cardiology","kind":"GENERAL","bedCount":2,"beds":[{"label":"C-1"}]}],"wardById":{"name":"ICU","notes":null},"onDuty":{"name":"Flo","shift":2},"echo":[2,4]}""", result.DataJson());
    }

    [Fact]
    public async Task InputObjects_BecomeRecords()
    {
        var result = await Build().RunAsync("mutation ($input: RenameWardInput!) { renameWard(input: $input) { id name } }", new { input = new { wardId = 1, name = "Heart", notify = true } });

        Assert.Null(result.Errors);
        Assert.Equal("""{"renameWard":{"id":1,"name":"Heart!"}}""", result.DataJson());
    }

    [Fact]
    public async Task Services_AreResolvedFromTheRequest()
    {
        var schema = Build();
        var counter = new Counter();
        var executor = new RequestExecutor(schema);

        var result = await executor.ExecuteAsync(new GraphQLRequest("{ countCalls }"), new RequestContext { Services = new SingleService(counter) }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"countCalls":1}""", result.DataJson());
    }

    [Fact]
    public async Task ResolverScopedResources_AreDisposedAfterTheField()
    {
        var created = new List<Resource>();
        var schema = new CodeFirstSchemaBuilder()
            .AddType(typeof(ResourceQueries))
            .AddResolverScoped(_ =>
            {
                var resource = new Resource();
                lock (created)
                {
                    created.Add(resource);
                }

                return resource;
            })
            .Build();

        var result = await schema.RunAsync("{ a: numbers b: numbers }");

        Assert.Equal("""{"a":[1,2,3],"b":[1,2,3]}""", result.DataJson());
        Assert.Equal(2, created.Count);
        Assert.All(created, r => Assert.True(r.Disposed));
        Assert.NotSame(created[0], created[1]);
    }

    public sealed class Resource : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<int> Read()
        {
            foreach (var i in new[] { 1, 2, 3 })
            {
                await Task.Yield();
                Assert.False(Disposed, "read after dispose");
                yield return i;
            }
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    [QueryType]
    private static class ResourceQueries
    {
        public static IAsyncEnumerable<int> GetNumbers(Resource resource) => resource.Read();
    }

    private sealed class SingleService(object service) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType.IsInstanceOfType(service) ? service : null;
    }
}
