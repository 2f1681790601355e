using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class KnownTypeNamesTests
{
    [Fact]
    public void KnownTypes_AreValid()
    {
        ExpectValid<KnownTypeNamesRule>("""
                  query Foo(
                    $var: String
                    $required: [Int!]!
                    $introspectionType: __EnumValue
                  ) {
                    user(id: 4) {
                      pets { ... on Pet { name }, ...PetFields, ... { name } }
                    }
                  }

                  fragment PetFields on Pet {
                    name
                  }
            """);
    }

    [Fact]
    public void UnknownTypes_AreReportedWithSuggestions()
    {
        ExpectErrors<KnownTypeNamesRule>(
            """
                  query Foo($var: [JumbledUpLetters!]!) {
                    user(id: 4) {
                      name
                      pets { ... on Badger { name }, ...PetFields }
                    }
                  }
                  fragment PetFields on Peat {
                    name
                  }
            """,
            Error("Unknown type \"JumbledUpLetters\".", (2, 24)),
            Error("Unknown type \"Badger\".", (5, 25)),
            Error("Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"?", (8, 29)));
    }
}
