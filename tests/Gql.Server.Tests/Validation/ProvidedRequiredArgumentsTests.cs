using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class ProvidedRequiredArgumentsTests
{
    [Theory]
    [InlineData("{ dog { isHouseTrained(unknownArgument: true) } }")]
    [InlineData("{ dog { isHouseTrained(atOtherHomes: true) } }")]
    [InlineData("{ complicatedArgs { multipleReqs(req1: 1, req2: 2) } }")]
    [InlineData("{ complicatedArgs { multipleReqs(req2: 2, req1: 1) } }")]
    [InlineData("{ complicatedArgs { multipleOpts } }")]
    [InlineData("{ complicatedArgs { multipleOptAndReq(req1: 3, req2: 4) } }")]
    [InlineData("{ complicatedArgs { nonNullFieldWithDefault } }")]
    [InlineData("{ dog @unknown { name } }")]
    [InlineData("{ dog @include(if: true) { name } human @skip(if: false) { name } }")]
    public void ProvidedOrOptionalArguments_AreValid(string query)
    {
        ExpectValid<ProvidedRequiredArgumentsRule>(query);
    }

    [Fact]
    public void MissingOneRequiredArgument_IsReported()
    {
        ExpectErrors<ProvidedRequiredArgumentsRule>(
            """
                  {
                    complicatedArgs {
                      multipleReqs(req2: 2)
                    }
                  }
            """,
            Error("Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", (4, 11)));
    }

    [Fact]
    public void MissingAllRequiredArguments_AreEachReported()
    {
        ExpectErrors<ProvidedRequiredArgumentsRule>(
            """
                  {
                    complicatedArgs {
                      multipleReqs
                    }
                  }
            """,
            Error("Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", (4, 11)),
            Error("Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided.", (4, 11)));
    }

    [Fact]
    public void MissingDirectiveArguments_AreReported()
    {
        ExpectErrors<ProvidedRequiredArgumentsRule>(
            """
                  {
                    dog @include {
                      name @skip
                    }
                  }
            """,
            Error("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (3, 13)),
            Error("Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (4, 16)));
    }
}
