using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class UniqueArgumentNamesTests
{
    [Theory]
    [InlineData("{ field }")]
    [InlineData("{ field(arg: \"value\") }")]
    [InlineData("{ field(arg1: \"value\", arg2: \"value\", arg3: \"value\") }")]
    [InlineData("{ one: field(arg: \"value\") two: field(arg: \"value\") }")]
    [InlineData("{ field(arg: \"value\") @directive(arg: \"value\") }")]
    public void UniqueArguments_AreValid(string query)
    {
        ExpectValid<UniqueArgumentNamesRule>(query);
    }

    [Fact]
    public void DuplicateFieldArguments_AreReported()
    {
        ExpectErrors<UniqueArgumentNamesRule>(
            """
                  {
                    field(arg1: "value", arg1: "value", arg1: "value")
                  }
            """,
            Error("There can be only one argument named \"arg1\".", (3, 15), (3, 30), (3, 45)));
    }

    [Fact]
    public void DuplicateDirectiveArguments_AreReported()
    {
        ExpectErrors<UniqueArgumentNamesRule>(
            """
                  {
                    field @directive(arg1: "value", arg1: "value")
                  }
            """,
            Error("There can be only one argument named \"arg1\".", (3, 26), (3, 41)));
    }
}
