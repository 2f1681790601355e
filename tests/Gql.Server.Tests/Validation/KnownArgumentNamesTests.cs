using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class KnownArgumentNamesTests
{
    [Theory]
    [InlineData("fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }")]
    [InlineData("fragment multipleArgs on ComplicatedArgs { multipleReqs(req1: 1, req2: 2) }")]
    [InlineData("fragment argOnUnknownField on Dog { unknownField(unknownArg: SIT) }")]
    [InlineData("fragment multipleArgsReverseOrder on ComplicatedArgs { multipleReqs(req2: 2, req1: 1) }")]
    [InlineData("fragment noArgOnOptionalArg on Dog { isHouseTrained }")]
    [InlineData("{ dog { isHouseTrained(atOtherHomes: true) { name } } }")]
    [InlineData("{ dog @skip(if: true) { name } }")]
    [InlineData("{ dog @unknown(if: true) { name } }")]
    public void KnownOrUncheckableArguments_AreValid(string query)
    {
        ExpectValid<KnownArgumentNamesRule>(query);
    }

    [Fact]
    public void UnknownDirectiveArgument_IsReported()
    {
        ExpectErrors<KnownArgumentNamesRule>(
            """
                  {
                    dog @skip(unless: true)
                  }
            """,
            Error("Unknown argument \"unless\" on directive \"@skip\".", (3, 19)));
    }

    [Fact]
    public void MisspelledDirectiveArgument_IsReportedWithSuggestion()
    {
        ExpectErrors<KnownArgumentNamesRule>(
            """
                  {
                    dog @skip(iff: true)
                  }
            """,
            Error("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (3, 19)));
    }

    [Fact]
    public void UnknownFieldArgument_IsReportedWithSuggestion()
    {
        ExpectErrors<KnownArgumentNamesRule>(
            """
                  fragment invalidArgName on Dog {
                    doesKnowCommand(DogCommand: true)
                  }
            """,
            Error("Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (3, 25)));
    }

    [Fact]
    public void UnknownFieldArguments_NextToKnownOnes_AreReported()
    {
        ExpectErrors<KnownArgumentNamesRule>(
            """
                  fragment oneGoodArgOneInvalidArg on Dog {
                    doesKnowCommand(whoKnows: 1, dogCommand: SIT, unknown: true)
                  }
            """,
            Error("Unknown argument \"whoKnows\" on field \"Dog.doesKnowCommand\".", (3, 25)),
            Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (3, 55)));
    }

    [Fact]
    public void UnknownArguments_DeepInside_AreReported()
    {
        ExpectErrors<KnownArgumentNamesRule>(
            """
                  {
                    dog {
                      doesKnowCommand(unknown: true)
                    }
                    human {
                      pets {
                        ... on Dog {
                          doesKnowCommand(unknown: true)
                        }
                      }
                    }
                  }
            """,
            Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (4, 27)),
            Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (9, 31)));
    }
}
