using System.Text;
using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class DocumentValidatorTests
{
    [Fact]
    public void ValidDocument_HasNoErrors()
    {
        var errors = DocumentValidator.Validate(TestSchema, Parse("""
                  query Q($cmd: DogCommand = SIT, $skip: Boolean!) {
                    dog {
                      ...DogFields
                      doesKnowCommand(dogCommand: $cmd) @skip(if: $skip)
                    }
                    catOrDog {
                      __typename
                      ... on Cat { meows furColor }
                      ... on Pet { name(surname: true) }
                    }
                    complicatedArgs {
                      complexArgField(complexArg: { requiredField: true, stringListField: ["a", null] })
                      oneOfArgField(oneOfArg: { intField: 3 })
                    }
                  }

                  fragment DogFields on Dog {
                    name
                    mother { name }
                  }
            """));
        Assert.Empty(errors);
    }

    [Fact]
    public void AllRules_ReportInDocumentOrder_WithCodeAndLocations()
    {
        var errors = DocumentValidator.Validate(TestSchema, Parse("""
                  query Q($unused: Int) {
                    dog { nam }
                    human
                  }
            """));
        AssertErrors(
            errors,
            [
                Error("Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"?", (3, 15)),
                Error("Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", (4, 9)),
                Error("Variable \"$unused\" is never used in operation \"Q\".", (2, 15)),
            ]);
    }

    [Fact]
    public void ErrorLimit_StopsWithTooManyErrors()
    {
        var query = new StringBuilder("{ ");
        for (var i = 0; i < 20; i++)
        {
            query.Append("unknown").Append(i).Append(' ');
        }

        query.Append('}');
        var errors = DocumentValidator.Validate(TestSchema, Parse(query.ToString()), new ValidationOptions { MaxErrors = 5 });
        Assert.Equal(6, errors.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[5].Message);
        Assert.Equal(ErrorCodes.ValidationFailed, errors[5].Code);
    }

    [Fact]
    public void DefaultErrorLimit_IsOneHundred()
    {
        var query = new StringBuilder("{ ");
        for (var i = 0; i < 150; i++)
        {
            query.Append("unknown").Append(i).Append(' ');
        }

        query.Append('}');
        var errors = DocumentValidator.Validate(TestSchema, Parse(query.ToString()));
        Assert.Equal(101, errors.Count);
    }

    [Fact]
    public void TypeSystemDefinitions_OnlyFailExecutableDefinitions()
    {
        var errors = DocumentValidator.Validate(TestSchema, Parse("""
                  { dog { name } }
                  type Cow { name: Unknown }
            """));
        AssertErrors(errors, [Error("The \"Cow\" definition is not executable.", (3, 7))]);
    }
}
