using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class UniqueOperationNamesTests
{
    [Theory]
    [InlineData("{ field }")]
    [InlineData("query Foo { field }")]
    [InlineData("query Foo { field } query Bar { field }")]
    [InlineData("query Foo { field } mutation Bar { field } subscription Baz { field }")]
    [InlineData("query Foo { ...Foo } fragment Foo on Type { field }")]
    [InlineData("query { field } query { field }")]
    public void DistinctOrAnonymousOperations_AreValid(string query)
    {
        ExpectValid<UniqueOperationNamesRule>(query);
    }

    [Fact]
    public void TwoOperationsOfSameName_AreReported()
    {
        ExpectErrors<UniqueOperationNamesRule>(
            """
                  query Foo {
                    fieldA
                  }
                  query Foo {
                    fieldB
                  }
            """,
            Error("There can be only one operation named \"Foo\".", (2, 13), (5, 13)));
    }

    [Fact]
    public void SameNameAcrossOperationTypes_IsReported()
    {
        ExpectErrors<UniqueOperationNamesRule>(
            """
                  query Foo {
                    fieldA
                  }
                  mutation Foo {
                    fieldB
                  }
                  subscription Foo {
                    fieldB
                  }
            """,
            Error("There can be only one operation named \"Foo\".", (2, 13), (5, 16)),
            Error("There can be only one operation named \"Foo\".", (2, 13), (8, 20)));
    }
}
