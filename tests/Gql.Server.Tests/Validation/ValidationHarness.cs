using Gql.Language;
using Gql.Server.Validation;

namespace Gql.Server.Tests.Validation;

/// <summary>An expected validation error: its message and the line/column of each location.</summary>
internal sealed record ExpectedError(string Message, params (int Line, int Column)[] Locations)
{
    public override string ToString()
    {
        return Message + " @ " + string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"));
    }
}

/// <summary>
/// The schema and helpers of graphql-js's validation tests (src/validation/__tests__/harness.ts), so the tests
/// port theirs one to one. Queries are written as raw string literals; <see cref="Parse"/> puts back the newline a
/// JavaScript template literal starts with, so lines and columns are the ones graphql-js's tests assert.
/// </summary>
internal static class ValidationHarness
{
    public const string TestSchemaSdl = """
        interface Mammal {
          mother: Mammal
          father: Mammal
        }

        interface Pet {
          name(surname: Boolean): String
        }

        interface Canine implements Mammal {
          name(surname: Boolean): String
          mother: Canine
          father: Canine
        }

        enum DogCommand {
          SIT
          HEEL
          DOWN
        }

        type Dog implements Pet & Mammal & Canine {
          name(surname: Boolean): String
          nickname: String
          barkVolume: Int
          barks: Boolean
          doesKnowCommand(dogCommand: DogCommand): Boolean
          isHouseTrained(atOtherHomes: Boolean = true): Boolean
          isAtLocation(x: Int, y: Int): Boolean
          mother: Dog
          father: Dog
        }

        type Cat implements Pet {
          name(surname: Boolean): String
          nickname: String
          meows: Boolean
          meowsVolume: Int
          furColor: FurColor
        }

        union CatOrDog = Cat | Dog

        type Human {
          name(surname: Boolean): String
          pets: [Pet]
          relatives: [Human]!
        }

        enum FurColor {
          BROWN
          BLACK
          TAN
          SPOTTED
          NO_FUR
          UNKNOWN
        }

        input ComplexInput {
          requiredField: Boolean!
          nonNullField: Boolean! = false
          intField: Int
          stringField: String
          booleanField: Boolean
          stringListField: [String]
        }

        input OneOfInput @oneOf {
          stringField: String
          intField: Int
        }

        type ComplicatedArgs {
          # TODO List
          # TODO Coercion
          # TODO NotNulls
          intArgField(intArg: Int): String
          nonNullIntArgField(nonNullIntArg: Int!): String
          stringArgField(stringArg: String): String
          booleanArgField(booleanArg: Boolean): String
          enumArgField(enumArg: FurColor): String
          floatArgField(floatArg: Float): String
          idArgField(idArg: ID): String
          stringListArgField(stringListArg: [String]): String
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          complexArgField(complexArg: ComplexInput): String
          oneOfArgField(oneOfArg: OneOfInput): String
          multipleReqs(req1: Int!, req2: Int!): String
          nonNullFieldWithDefault(arg: Int! = 0): String
          multipleOpts(opt1: Int = 0, opt2: Int = 0): String
          multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
        }

        type QueryRoot {
          human(id: ID): Human
          dog: Dog
          cat: Cat
          pet: Pet
          catOrDog: CatOrDog
          complicatedArgs: ComplicatedArgs
        }

        schema {
          query: QueryRoot
        }

        directive @onField on FIELD
        """;

    public static Schema TestSchema { get; } = SchemaBuilder.FromSdl(TestSchemaSdl);

    public static Gql.Language.Ast.DocumentNode Parse(string query)
    {
        return Parser.Parse("\n" + query);
    }

    /// <summary>Runs one rule, as graphql-js's expectValidationErrors does.</summary>
    public static IReadOnlyList<GraphQLError> Validate<TRule>(string query, Schema? schema = null)
        where TRule : ValidationRule, new()
    {
        return DocumentValidator.Validate(schema ?? TestSchema, Parse(query), [() => new TRule()]);
    }

    public static void ExpectValid<TRule>(string query, Schema? schema = null)
        where TRule : ValidationRule, new()
    {
        AssertErrors(Validate<TRule>(query, schema), []);
    }

    public static void ExpectErrors<TRule>(string query, params ExpectedError[] expected)
        where TRule : ValidationRule, new()
    {
        AssertErrors(Validate<TRule>(query), expected);
    }

    public static void ExpectErrorsWithSchema<TRule>(Schema schema, string query, params ExpectedError[] expected)
        where TRule : ValidationRule, new()
    {
        AssertErrors(Validate<TRule>(query, schema), expected);
    }

    public static ExpectedError Error(string message, params (int Line, int Column)[] locations)
    {
        return new ExpectedError(message, locations);
    }

    public static void AssertErrors(IReadOnlyList<GraphQLError> actual, IReadOnlyList<ExpectedError> expected)
    {
        var actualText = actual.Select(e => new ExpectedError(e.Message, [.. e.Locations ?? []]).ToString()).ToList();
        var expectedText = expected.Select(e => e.ToString()).ToList();
        Assert.Equal(expectedText, actualText);
        Assert.All(actual, e => Assert.Equal(ErrorCodes.ValidationFailed, e.Code));
    }
}
