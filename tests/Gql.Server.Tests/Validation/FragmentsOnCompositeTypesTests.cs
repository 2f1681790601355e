using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class FragmentsOnCompositeTypesTests
{
    [Theory]
    [InlineData("fragment validFragment on Dog { barks }")]
    [InlineData("fragment validFragment on Pet { name }")]
    [InlineData("fragment validFragment on Pet { ... on Dog { barks } }")]
    [InlineData("fragment validFragment on Pet { ... { name } }")]
    [InlineData("fragment validFragment on CatOrDog { __typename }")]
    public void CompositeTypeConditions_AreValid(string query)
    {
        ExpectValid<FragmentsOnCompositeTypesRule>(query);
    }

    [Fact]
    public void FragmentOnScalar_IsReported()
    {
        ExpectErrors<FragmentsOnCompositeTypesRule>(
            """
                  fragment scalarFragment on Boolean {
                    bad
                  }
            """,
            Error("Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\".", (2, 34)));
    }

    [Fact]
    public void FragmentOnEnumAndInputObject_AreReported()
    {
        ExpectErrors<FragmentsOnCompositeTypesRule>(
            """
                  fragment scalarFragment on FurColor {
                    bad
                  }
                  fragment inputFragment on ComplexInput {
                    stringField
                  }
            """,
            Error("Fragment \"scalarFragment\" cannot condition on non composite type \"FurColor\".", (2, 34)),
            Error("Fragment \"inputFragment\" cannot condition on non composite type \"ComplexInput\".", (5, 33)));
    }

    [Fact]
    public void InlineFragmentOnScalar_IsReported()
    {
        ExpectErrors<FragmentsOnCompositeTypesRule>(
            """
                  fragment invalidFragment on Pet {
                    ... on String {
                      barks
                    }
                  }
            """,
            Error("Fragment cannot condition on non composite type \"String\".", (3, 16)));
    }
}
