using System.Text.Json.Nodes;
using Gql.Server.Tests.Oracle;
using static Gql.Server.Tests.Execution.ExecutionTestHelpers;

namespace Gql.Server.Tests.Execution;

public sealed class IntrospectionTests
{
    private const string Sdl = """"
        "The hospital test schema"
        schema { query: Root mutation: Changes }

        "Marks fields that need a role."
        directive @requires(role: String!, reasons: [String!] = ["audit"]) repeatable on FIELD_DEFINITION | OBJECT

        scalar Instant @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339")

        type Root {
          "A patient by id."
          patient(id: ID!, "Include archived records." archived: Boolean = false): Patient
          node(id: ID!): Node
          oldField: String @deprecated(reason: "Use `patient`.")
          search(filter: Filter!, kinds: [Kind!] = [INPATIENT]): [Result!]!
          now: Instant
          amount: Decimal
        }

        type Changes { touch(by: Int = 1 @deprecated): Int }

        interface Node { id: ID! }
        interface Person implements Node { id: ID! name: String! }

        """
        A person we treat.
        Second line.
        """
        type Patient implements Person & Node { id: ID! name: String! kind: Kind! }
        type Doctor implements Person & Node { id: ID! name: String! }
        union Result = Patient | Doctor

        enum Kind {
          INPATIENT
          "Seen in clinic"
          OUTPATIENT
          LEGACY @deprecated
        }

        input Filter @oneOf { name: String mrn: String }
        input Range { from: Int = 0, to: Int! }
        """";

    [Fact]
    public async Task FullIntrospection_RoundTripsThroughGraphQLJs()
    {
        var schema = SchemaBuilder.FromSdl(Sdl);
        var query = (await GraphQLOracle.AskAsync(new { command = "introspectionQuery" }))["query"]!.GetValue<string>();

        var result = await schema.RunAsync(query);
        Assert.Null(result.Errors);
        var introspection = JsonNode.Parse(result.DataJson());
        var answer = await GraphQLOracle.AskAsync(new { command = "compare", sdl = SchemaPrinter.Print(schema), introspection });

        Assert.Equal(answer["fromSdl"]!.GetValue<string>(), answer["fromIntrospection"]!.GetValue<string>());
        Assert.Contains("directive @requires(reasons: [String!] = [\"audit\"], role: String!) repeatable on FIELD_DEFINITION | OBJECT", answer["fromIntrospection"]!.GetValue<string>());
        Assert.Contains("input Filter @oneOf", answer["fromIntrospection"]!.GetValue<string>());
    }

    [Fact]
    public async Task TypeByName_DescribesFieldsArgumentsAndDeprecation()
    {
        var schema = SchemaBuilder.FromSdl(Sdl);

        var result = await schema.RunAsync("""
            {
              __type(name: "Root") {
                kind name
                fields { name isDeprecated }
                all: fields(includeDeprecated: true) { name deprecationReason args { name defaultValue type { kind ofType { name } } } }
              }
              missing: __type(name: "Nope") { name }
              __schema { queryType { name } mutationType { name } subscriptionType { name } description }
            }
            """);

        Assert.Null(result.Errors);
        var data = JsonNode.Parse(result.DataJson())!;
        Assert.Equal("OBJECT", data["__type"]!["kind"]!.GetValue<string>());
        Assert.DoesNotContain("oldField", data["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        var all = data["__type"]!["all"]!.AsArray();
        Assert.Equal("Use `patient`.", all.Single(f => f!["name"]!.GetValue<string>() == "oldField")!["deprecationReason"]!.GetValue<string>());
        Assert.Equal("false", all[0]!["args"]![1]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("[INPATIENT]", all.Single(f => f!["name"]!.GetValue<string>() == "search")!["args"]![1]!["defaultValue"]!.GetValue<string>());
        Assert.Null(data["missing"]);
        Assert.Equal("""{"queryType":{"name":"Root"},"mutationType":{"name":"Changes"},"subscriptionType":null,"description":"The hospital test schema"}""", data["__schema"]!.ToJsonString());
    }

    [Fact]
    public void Sdl_PrintsWhatWasParsed()
    {
        var printed = SchemaPrinter.Print(SchemaBuilder.FromSdl(Sdl));
        var reprinted = SchemaPrinter.Print(SchemaBuilder.FromSdl(printed));

        Assert.Equal(printed, reprinted);
        Assert.Contains("scalar Instant @specifiedBy(url: \"https://www.rfc-editor.org/rfc/rfc3339\")", printed);
        Assert.Contains("\"\"\"\nA person we treat.\nSecond line.\n\"\"\"\ntype Patient implements Person & Node", printed);
        Assert.Contains("touch(by: Int = 1 @deprecated): Int", printed);
    }

    [Fact]
    public void InvalidSchema_ListsEveryBrokenRule()
    {
        var error = Assert.Throws<SchemaException>(() => SchemaBuilder.FromSdl("""
            type Query { a: String }
            interface Named { name: String! }
            type Bad implements Named { name: Int }
            union Empty
            input Loop { self: Loop! }
            """));

        Assert.Contains("Interface field Named.name expects type String! but Bad.name is type Int.", error.Errors);
        Assert.Contains("Union type Empty must define one or more member types.", error.Errors);
        Assert.Contains("Cannot reference Input Object \"Loop\" within itself through a series of non-null fields: \"self\".", error.Errors);
    }

}
