using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class VariablesAreInputTypesTests
{
    [Fact]
    public void UnknownTypes_AreLeftToKnownTypeNames()
    {
        ExpectValid<VariablesAreInputTypesRule>("query Foo($a: Unknown, $b: [[Unknown!]]!) { field(a: $a, b: $b) }");
    }

    [Fact]
    public void InputTypes_AreValid()
    {
        ExpectValid<VariablesAreInputTypesRule>("query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput) { field(a: $a, b: $b, c: $c) }");
    }

    [Fact]
    public void OutputTypes_AreReported()
    {
        ExpectErrors<VariablesAreInputTypesRule>(
            """
                  query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) {
                    field(a: $a, b: $b, c: $c)
                  }
            """,
            Error("Variable \"$a\" cannot be non-input type \"Dog\".", (2, 21)),
            Error("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", (2, 30)),
            Error("Variable \"$c\" cannot be non-input type \"Pet\".", (2, 50)));
    }
}
