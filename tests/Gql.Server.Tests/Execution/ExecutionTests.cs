using Gql.Server.Execution;
using static Gql.Server.Tests.Execution.ExecutionTestHelpers;

namespace Gql.Server.Tests.Execution;

public sealed class ExecutionTests
{
    private const string Sdl = """
        type Query {
          hello(name: String = "world"): String!
          patient(id: ID!): Patient
          patients(first: Int = 2): [Patient!]!
          search(text: String!): [SearchResult!]!
          nullableBoom: String
          boom: String!
          deep: Deep
          count(by: Int!): Int
          kind: Kind!
          echo(input: EchoInput): String
        }
        type Mutation { append(text: String!): [String!]! }
        type Deep { nonNullBoom: String! other: String list: [String!] }
        interface Node { id: ID! }
        type Patient implements Node { id: ID! name: String! age: Int }
        type Doctor implements Node { id: ID! name: String! specialty: String! }
        union SearchResult = Patient | Doctor
        enum Kind { INPATIENT OUTPATIENT }
        input EchoInput { text: String! times: Int = 1 }
        """;

    private sealed record Patient(string Id, string Name, int? Age);

    private sealed record Doctor(string Id, string Name, string Specialty);

    private static readonly Patient[] Patients = [new("1", "Grace", 80), new("2", "Alan", null), new("3", "Ada", 36)];

    private static Schema BuildSchema(List<string>? log = null) => SchemaBuilder.FromSdl(Sdl, Resolvers(
        ("Query", "hello", c => ValueTask.FromResult<object?>($"Hello, {c.Arguments["name"]}!")),
        ("Query", "patient", c => ValueTask.FromResult<object?>(Patients.FirstOrDefault(p => p.Id == (string)c.Arguments["id"]!))),
        ("Query", "patients", c => ValueTask.FromResult<object?>(Patients.Take((int)c.Arguments["first"]!))),
        ("Query", "search", c => ValueTask.FromResult<object?>(new object[] { Patients[0], new Doctor("9", "House", "Diagnostics") })),
        ("Query", "nullableBoom", _ => throw new InvalidOperationException("secret connection string")),
        ("Query", "boom", _ => throw new GraphQLException("Boom.", "BOOM")),
        ("Query", "deep", Value(new Dictionary<string, object?> { ["other"] = "fine", ["list"] = new List<string?> { "a", null } })),
        ("Deep", "nonNullBoom", _ => throw new GraphQLException("Deep boom.")),
        ("Query", "count", c => ValueTask.FromResult<object?>((int)c.Arguments["by"]! * 2)),
        ("Query", "kind", Value("OUTPATIENT")),
        ("Query", "echo", c => ValueTask.FromResult<object?>(c.Arguments["input"] is IReadOnlyDictionary<string, object?> i ? string.Concat(Enumerable.Repeat((string)i["text"]!, (int)i["times"]!)) : "none")),
        ("Mutation", "append", async c =>
        {
            // The first mutation is the slowest: only serial execution keeps the order.
            await Task.Delay(c.Arguments["text"] is "first" ? 50 : 1, c.RequestAborted);
            log!.Add((string)c.Arguments["text"]!);
            return log.ToList();
        })));

    [Fact]
    public async Task Query_WithDefaultArgument_Resolves()
    {
        var result = await BuildSchema().RunAsync("{ hello a: hello(name: \"Ada\") }");

        Assert.Equal("""{"hello":"Hello, world!","a":"Hello, Ada!"}""", result.DataJson());
        Assert.Null(result.Errors);
    }

    [Fact]
    public async Task Fragments_AndTypename_AreMerged()
    {
        var result = await BuildSchema().RunAsync("""
            query { patient(id: "1") { ...Names ... on Patient { age } __typename } }
            fragment Names on Patient { id name }
            """);

        Assert.Equal("""{"patient":{"id":"1","name":"Grace","age":80,"__typename":"Patient"}}""", result.DataJson());
    }

    [Fact]
    public async Task SkipAndInclude_FollowVariables()
    {
        var result = await BuildSchema().RunAsync(
            "query ($skip: Boolean!, $include: Boolean!) { patients { id name @skip(if: $skip) age @include(if: $include) } }",
            new { skip = true, include = false });

        Assert.Equal("""{"patients":[{"id":"1"},{"id":"2"}]}""", result.DataJson());
    }

    [Fact]
    public async Task AbstractTypes_ResolveToTheirObjectType()
    {
        var schema = BuildSchema();
        ((Types.ObjectType)schema.FindType("Patient")!).IsTypeOf = v => v is Patient;
        ((Types.ObjectType)schema.FindType("Doctor")!).IsTypeOf = v => v is Doctor;

        var result = await schema.RunAsync("{ search(text: \"a\") { __typename ... on Node { id } ... on Doctor { specialty } } }");

        Assert.Equal("""{"search":[{"__typename":"Patient","id":"1"},{"__typename":"Doctor","id":"9","specialty":"Diagnostics"}]}""", result.DataJson());
    }

    [Fact]
    public async Task NullableFieldError_IsNullWithAnError()
    {
        var result = await BuildSchema().RunAsync("{ hello nullableBoom }");

        Assert.Equal("""{"hello":"Hello, world!","nullableBoom":null}""", result.DataJson());
        var error = Assert.Single(result.Errors!);
        Assert.Equal("Unexpected Execution Error", error.Message);
        Assert.Equal("INTERNAL_SERVER_ERROR", error.Code);
        Assert.Equal(["nullableBoom"], error.Path!);
        Assert.Equal([(1, 9)], error.Locations!);
    }

    [Fact]
    public async Task NonNullRootFieldError_NullsTheWholeData()
    {
        var result = await BuildSchema().RunAsync("{ hello boom }");

        Assert.True(result.HasData);
        Assert.Null(result.Data);
        Assert.Equal("""[{"Message":"Boom.","path":["boom"],"locations":[[1,9]]}]""", result.ErrorsJson());
        Assert.Equal("BOOM", result.Errors![0].Code);
    }

    [Fact]
    public async Task NonNullNestedError_PropagatesToTheNearestNullableParent()
    {
        var result = await BuildSchema().RunAsync("{ deep { other nonNullBoom } hello }");

        Assert.Equal("""{"deep":null,"hello":"Hello, world!"}""", result.DataJson());
        Assert.Equal("""[{"Message":"Deep boom.","path":["deep","nonNullBoom"],"locations":[[1,16]]}]""", result.ErrorsJson());
    }

    [Fact]
    public async Task NullInNonNullListItem_NullsTheList()
    {
        var result = await BuildSchema().RunAsync("{ deep { list } }");

        Assert.Equal("""{"deep":{"list":null}}""", result.DataJson());
        Assert.Equal("""[{"Message":"Cannot return null for non-nullable field Deep.list.","path":["deep","list",1],"locations":[[1,10]]}]""", result.ErrorsJson());
    }

    [Fact]
    public async Task ExceptionDetails_AreShownOnlyWhenEnabled()
    {
        var result = await BuildSchema().RunAsync("{ nullableBoom }", options: new ExecutorOptions { IncludeExceptionDetails = true });

        Assert.Equal("secret connection string", result.Errors![0].Message);
        Assert.NotNull(result.Errors[0].Extensions!["stackTrace"]);
    }

    [Fact]
    public async Task Mutations_RunSerially()
    {
        var log = new List<string>();

        var result = await BuildSchema(log).RunAsync("mutation { a: append(text: \"first\") b: append(text: \"second\") }");

        Assert.Equal("""{"a":["first"],"b":["first","second"]}""", result.DataJson());
    }

    [Fact]
    public async Task Variables_AreCoerced_AndBadOnesRejectedBeforeExecution()
    {
        var schema = BuildSchema();

        var ok = await schema.RunAsync("query ($n: Int!) { count(by: $n) }", new { n = 21 });
        var missing = await schema.RunAsync("query ($n: Int!) { count(by: $n) }");
        var wrong = await schema.RunAsync("query ($n: Int!) { count(by: $n) }", new { n = "x" });
        var fractional = await schema.RunAsync("query ($n: Int!) { count(by: $n) }", new { n = 1.5 });

        Assert.Equal("""{"count":42}""", ok.DataJson());
        Assert.Equal(RequestErrorKind.Variables, missing.RequestError);
        Assert.Equal("Variable \"$n\" of required type \"Int!\" was not provided.", missing.Errors![0].Message);
        Assert.Equal("Variable \"$n\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"", wrong.Errors![0].Message);
        Assert.Equal("Variable \"$n\" got invalid value 1.5; Int cannot represent non-integer value: 1.5", fractional.Errors![0].Message);
        Assert.False(wrong.HasData);
    }

    [Fact]
    public async Task InputObjects_ApplyFieldDefaults_AndReportUnknownFields()
    {
        var schema = BuildSchema();

        var literal = await schema.RunAsync("{ echo(input: { text: \"ab\" }) }");
        var variable = await schema.RunAsync("query ($i: EchoInput) { echo(input: $i) }", new { i = new { text = "x", times = 3 } });
        var unknown = await schema.RunAsync("query ($i: EchoInput) { echo(input: $i) }", new { i = new { text = "x", color = "red" } });

        Assert.Equal("""{"echo":"ab"}""", literal.DataJson());
        Assert.Equal("""{"echo":"xxx"}""", variable.DataJson());
        Assert.Equal("Variable \"$i\" got invalid value { text: \"x\", color: \"red\" }; Field \"color\" is not defined by type \"EchoInput\".", unknown.Errors![0].Message);
    }

    [Fact]
    public async Task Enums_SerializeByName_AndInvalidValuesAreErrors()
    {
        var result = await BuildSchema().RunAsync("{ kind }");

        Assert.Equal("""{"kind":"OUTPATIENT"}""", result.DataJson());
    }

    [Fact]
    public async Task OperationName_SelectsTheOperation()
    {
        var schema = BuildSchema();
        const string document = "query A { hello } query B { kind }";

        var b = await schema.RunAsync(document, operationName: "B");
        var none = await schema.RunAsync(document);
        var unknown = await schema.RunAsync(document, operationName: "C");

        Assert.Equal("""{"kind":"OUTPATIENT"}""", b.DataJson());
        Assert.Equal("Must provide operation name if query contains multiple operations.", none.Errors![0].Message);
        Assert.Equal("Unknown operation named \"C\".", unknown.Errors![0].Message);
        Assert.Equal(RequestErrorKind.OperationNotFound, unknown.RequestError);
    }

    [Fact]
    public async Task SyntaxError_ReportsLineAndColumn()
    {
        var result = await BuildSchema().RunAsync("{ hello(");

        Assert.Equal(RequestErrorKind.Syntax, result.RequestError);
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", result.Errors![0].Message);
        Assert.Equal([(1, 9)], result.Errors[0].Locations!);
    }

    [Fact]
    public async Task QueryFields_RunConcurrently()
    {
        var started = 0;
        var gate = new TaskCompletionSource();
        FieldResolver wait = async c =>
        {
            // Each field waits until both have started: serial execution would never finish.
            if (Interlocked.Increment(ref started) == 2)
            {
                gate.SetResult();
            }

            await gate.Task.WaitAsync(TimeSpan.FromSeconds(5), c.RequestAborted);
            return "done";
        };
        var schema = SchemaBuilder.FromSdl("type Query { a: String b: String }", Resolvers(("Query", "a", wait), ("Query", "b", wait)));

        var result = await schema.RunAsync("{ a b }");

        Assert.Equal("""{"a":"done","b":"done"}""", result.DataJson());
    }
}

public sealed class LimitTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("type Query { node: Node } type Node { child: Node name: String }");

    [Fact]
    public async Task DeepOperation_IsRefusedBeforeExecution_WithTheLimitAndTheExcess()
    {
        var deep = "{ " + string.Concat(Enumerable.Repeat("node { ", 1)) + string.Concat(Enumerable.Repeat("child { ", 5)) + "name" + new string('}', 6) + " }";

        var result = await Schema.RunAsync(deep, options: new ExecutorOptions { MaxDepth = 4 });

        Assert.Equal(RequestErrorKind.Validation, result.RequestError);
        Assert.Equal("The operation has a depth of 7, over the limit of 4 by 3.", result.Errors![0].Message);
        Assert.Equal("MAX_DEPTH_EXCEEDED", result.Errors[0].Code);
    }

    [Fact]
    public async Task Depth_CountsThroughFragments()
    {
        const string query = "query Q { node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { name } }";

        var refused = await Schema.RunAsync(query, options: new ExecutorOptions { MaxDepth = 3 });
        var allowed = await Schema.RunAsync(query, options: new ExecutorOptions { MaxDepth = 4 });

        Assert.Equal("The operation \"Q\" has a depth of 4, over the limit of 3 by 1.", refused.Errors![0].Message);
        Assert.Null(allowed.Errors);
    }

    [Fact]
    public async Task TooManyOperations_AreRefused()
    {
        var document = string.Join(" ", Enumerable.Range(1, 4).Select(i => $"query Q{i} {{ node {{ name }} }}"));

        var result = await Schema.RunAsync(document, operationName: "Q1", options: new ExecutorOptions { MaxOperations = 3 });

        Assert.Equal("The document has 4 operations, over the limit of 3.", result.Errors![0].Message);
    }
}
