using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class VariablesInAllowedPositionTests
{
    [Theory]
    [InlineData("query Query($booleanArg: Boolean) { complicatedArgs { booleanArgField(booleanArg: $booleanArg) } }")]
    [InlineData("query Query($nonNullBooleanArg: Boolean!) { complicatedArgs { booleanArgField(booleanArg: $nonNullBooleanArg) } }")]
    [InlineData("query Query($stringListVar: [String]) { complicatedArgs { stringListArgField(stringListArg: $stringListVar) } }")]
    [InlineData("query Query($stringListVar: [String!]) { complicatedArgs { stringListArgField(stringListArg: $stringListVar) } }")]
    [InlineData("query Query($stringVar: String) { complicatedArgs { stringListArgField(stringListArg: [$stringVar]) } }")]
    [InlineData("query Query($complexVar: ComplexInput) { complicatedArgs { complexArgField(complexArg: $complexVar) } }")]
    [InlineData("query Query($boolVar: Boolean = false) { complicatedArgs { complexArgField(complexArg: {requiredField: $boolVar}) } }")]
    [InlineData("query Query($boolVar: Boolean!) { dog @include(if: $boolVar) { name } }")]
    [InlineData("query Query($intVar: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intVar) } }")]
    [InlineData("query Query($intVar: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $intVar) } }")]
    [InlineData("query Query($string: String!) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $string }) } }")]
    public void CompatibleUsages_AreValid(string query)
    {
        ExpectValid<VariablesInAllowedPositionRule>(query);
    }

    [Fact]
    public void NullableIntIntoNonNullInt_IsReported()
    {
        ExpectErrors<VariablesInAllowedPositionRule>(
            """
                  query Query($intArg: Int) {
                    complicatedArgs {
                      nonNullIntArgField(nonNullIntArg: $intArg)
                    }
                  }
            """,
            Error("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (2, 19), (4, 45)));
    }

    [Fact]
    public void NullableIntIntoNonNullInt_WithinNestedFragment_IsReported()
    {
        ExpectErrors<VariablesInAllowedPositionRule>(
            """
                  fragment outerFrag on ComplicatedArgs {
                    ...nonNullIntArgFieldFrag
                  }

                  fragment nonNullIntArgFieldFrag on ComplicatedArgs {
                    nonNullIntArgField(nonNullIntArg: $intArg)
                  }

                  query Query($intArg: Int) {
                    complicatedArgs {
                      ...outerFrag
                    }
                  }
            """,
            Error("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (10, 19), (7, 43)));
    }

    [Fact]
    public void StringIntoListOfStrings_IsReported()
    {
        ExpectErrors<VariablesInAllowedPositionRule>(
            """
                  query Query($stringVar: String) {
                    complicatedArgs {
                      stringListArgField(stringListArg: $stringVar)
                    }
                  }
            """,
            Error("Variable \"$stringVar\" of type \"String\" used in position expecting type \"[String]\".", (2, 19), (4, 45)));
    }

    [Fact]
    public void NullableBooleanIntoDirective_IsReported()
    {
        ExpectErrors<VariablesInAllowedPositionRule>(
            """
                  query Query($boolVar: Boolean) {
                    dog @include(if: $boolVar)
                  }
            """,
            Error("Variable \"$boolVar\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (2, 19), (3, 26)));
    }

    [Fact]
    public void NullDefault_DoesNotAllowNonNullPosition()
    {
        ExpectErrors<VariablesInAllowedPositionRule>(
            """
                  query Query($intVar: Int = null) {
                    complicatedArgs {
                      nonNullIntArgField(nonNullIntArg: $intVar)
                    }
                  }
            """,
            Error("Variable \"$intVar\" of type \"Int\" used in position expecting type \"Int!\".", (2, 19), (4, 45)));
    }

    [Fact]
    public void NullableVariableInOneOfField_IsReported()
    {
        ExpectErrors<VariablesInAllowedPositionRule>(
            """
                  query ($string: String) {
                    complicatedArgs {
                      oneOfArgField(oneOfArg: { stringField: $string })
                    }
                  }
            """,
            Error("Variable \"$string\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", (2, 14), (4, 50)));
    }
}
