using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class LoneAnonymousOperationTests
{
    [Theory]
    [InlineData("fragment fragA on Type { field }")]
    [InlineData("{ field }")]
    [InlineData("query Foo { field } query Bar { field }")]
    [InlineData("{ ...Foo } fragment Foo on Type { field }")]
    public void LoneOrNamedOperations_AreValid(string query)
    {
        ExpectValid<LoneAnonymousOperationRule>(query);
    }

    [Fact]
    public void MultipleAnonymousOperations_AreEachReported()
    {
        ExpectErrors<LoneAnonymousOperationRule>(
            """
                  {
                    fieldA
                  }
                  {
                    fieldB
                  }
            """,
            Error("This anonymous operation must be the only defined operation.", (2, 7)),
            Error("This anonymous operation must be the only defined operation.", (5, 7)));
    }

    [Fact]
    public void AnonymousOperationWithMutation_IsReported()
    {
        ExpectErrors<LoneAnonymousOperationRule>(
            """
                  {
                    fieldA
                  }
                  mutation Foo {
                    fieldB
                  }
            """,
            Error("This anonymous operation must be the only defined operation.", (2, 7)));
    }
}
