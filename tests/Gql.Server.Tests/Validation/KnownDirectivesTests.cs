using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class KnownDirectivesTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl(TestSchemaSdl + """

        directive @onQuery on QUERY
        directive @onMutation on MUTATION
        directive @onSubscription on SUBSCRIPTION
        directive @onFragmentDefinition on FRAGMENT_DEFINITION
        directive @onFragmentSpread on FRAGMENT_SPREAD
        directive @onInlineFragment on INLINE_FRAGMENT
        directive @onVariableDefinition on VARIABLE_DEFINITION
        """);

    [Fact]
    public void KnownDirectives_AreValid()
    {
        ExpectValid<KnownDirectivesRule>(
            """
                  {
                    dog @include(if: true) {
                      name
                    }
                    human @skip(if: false) {
                      name
                    }
                  }
            """,
            Schema);
    }

    [Fact]
    public void UnknownDirective_IsReported()
    {
        ExpectErrorsWithSchema<KnownDirectivesRule>(
            Schema,
            """
                  {
                    dog @unknown(directive: "value") {
                      name
                    }
                  }
            """,
            Error("Unknown directive \"@unknown\".", (3, 13)));
    }

    [Fact]
    public void DirectivesInTheirLocations_AreValid()
    {
        ExpectValid<KnownDirectivesRule>(
            """
                  query ($var: Boolean @onVariableDefinition) @onQuery {
                    name @include(if: $var)
                    ...Frag @onFragmentSpread
                    ... @onInlineFragment {
                      name
                    }
                  }

                  mutation @onMutation {
                    someField
                  }

                  subscription @onSubscription {
                    someField
                  }

                  fragment Frag on SomeType @onFragmentDefinition {
                    someField
                  }
            """,
            Schema);
    }

    [Fact]
    public void DirectivesInWrongLocations_AreReported()
    {
        ExpectErrorsWithSchema<KnownDirectivesRule>(
            Schema,
            """
                  query ($var: Boolean @onQuery) @onMutation {
                    name @onQuery @include(if: $var)
                    ...Frag @onQuery
                    ... @onQuery {
                      name
                    }
                  }

                  mutation @onQuery {
                    someField
                  }

                  subscription @onQuery {
                    someField
                  }

                  fragment Frag on Dog @onQuery {
                    name
                  }
            """,
            Error("Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION.", (2, 28)),
            Error("Directive \"@onMutation\" may not be used on QUERY.", (2, 38)),
            Error("Directive \"@onQuery\" may not be used on FIELD.", (3, 14)),
            Error("Directive \"@onQuery\" may not be used on FRAGMENT_SPREAD.", (4, 17)),
            Error("Directive \"@onQuery\" may not be used on INLINE_FRAGMENT.", (5, 13)),
            Error("Directive \"@onQuery\" may not be used on MUTATION.", (10, 16)),
            Error("Directive \"@onQuery\" may not be used on SUBSCRIPTION.", (14, 20)),
            Error("Directive \"@onQuery\" may not be used on FRAGMENT_DEFINITION.", (18, 28)));
    }
}
