using Gql.Language.Ast;
using Gql.Server.Types;
using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class ValuesOfCorrectTypeTests
{
    [Theory]
    [InlineData("{ complicatedArgs { intArgField(intArg: 2) } }")]
    [InlineData("{ complicatedArgs { intArgField(intArg: -2) } }")]
    [InlineData("{ complicatedArgs { stringArgField(stringArg: \"foo\") } }")]
    [InlineData("{ complicatedArgs { booleanArgField(booleanArg: true) } }")]
    [InlineData("{ dog { doesKnowCommand(dogCommand: SIT) } }")]
    [InlineData("{ complicatedArgs { floatArgField(floatArg: 1) } }")]
    [InlineData("{ complicatedArgs { floatArgField(floatArg: 1.1) } }")]
    [InlineData("{ complicatedArgs { idArgField(idArg: 1) } }")]
    [InlineData("{ complicatedArgs { idArgField(idArg: \"someIdString\") } }")]
    [InlineData("{ complicatedArgs { intArgField(intArg: null) } }")]
    [InlineData("{ complicatedArgs { stringListArgField(stringListArg: [\"one\", null, \"two\"]) } }")]
    [InlineData("{ complicatedArgs { stringListArgField(stringListArg: \"one\") } }")]
    [InlineData("{ complicatedArgs { complexArgField(complexArg: { requiredField: true }) } }")]
    [InlineData("{ complicatedArgs { complexArgField(complexArg: { requiredField: false, nonNullField: true, intField: 4 }) } }")]
    [InlineData("{ complicatedArgs { oneOfArgField(oneOfArg: { stringField: \"abc\" }) } }")]
    [InlineData("query ($a: Int = 1, $b: String = \"ok\", $c: ComplexInput = { requiredField: true, intField: 3 }) { dog { name } }")]
    [InlineData("{ dog @include(if: true) { name } }")]
    [InlineData("{ complicatedArgs { unknownField(arg: { anything: [1] }) } }")]
    public void CorrectValues_AreValid(string query)
    {
        ExpectValid<ValuesOfCorrectTypeRule>(query);
    }

    [Fact]
    public void StringIntoInt_IsReportedByTheScalar()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      intArgField(intArg: "3")
                    }
                  }
            """,
            Error("Int cannot represent non-integer value: \"3\"", (4, 31)));
    }

    [Fact]
    public void BigIntIntoInt_IsReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      intArgField(intArg: 829384293849283498239482938)
                    }
                  }
            """,
            Error("Int cannot represent non 32-bit signed integer value: 829384293849283498239482938", (4, 31)));
    }

    [Fact]
    public void WrongLiteralsForBuiltInScalars_AreReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      stringArgField(stringArg: 1)
                      booleanArgField(booleanArg: "true")
                      floatArgField(floatArg: "1.0")
                      idArgField(idArg: 1.0)
                    }
                  }
            """,
            Error("String cannot represent a non string value: 1", (4, 37)),
            Error("Boolean cannot represent a non boolean value: \"true\"", (5, 39)),
            Error("Float cannot represent non numeric value: \"1.0\"", (6, 35)),
            Error("ID cannot represent a non-string and non-integer value: 1.0", (7, 29)));
    }

    [Fact]
    public void StringIntoEnum_IsReportedWithSuggestion()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    dog {
                      doesKnowCommand(dogCommand: "SIT")
                    }
                  }
            """,
            Error("Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum value \"SIT\"?", (4, 39)));
    }

    [Fact]
    public void UnknownEnumValues_AreReportedWithSuggestions()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    dog {
                      a: doesKnowCommand(dogCommand: JUGGLE)
                      b: doesKnowCommand(dogCommand: sit)
                    }
                  }
            """,
            Error("Value \"JUGGLE\" does not exist in \"DogCommand\" enum.", (4, 42)),
            Error("Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"?", (5, 42)));
    }

    [Fact]
    public void NullIntoNonNull_IsReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      multipleReqs(req1: null)
                    }
                  }
            """,
            Error("Expected value of type \"Int!\", found null.", (4, 30)));
    }

    [Fact]
    public void WrongListItems_AreReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      stringListArgField(stringListArg: ["one", 2])
                    }
                  }
            """,
            Error("String cannot represent a non string value: 2", (4, 53)));
    }

    [Fact]
    public void ListIntoScalar_IsReportedAgainstItemType()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      intArgField(intArg: [1])
                    }
                  }
            """,
            Error("Int cannot represent non-integer value: [1]", (4, 31)));
    }

    [Fact]
    public void MissingRequiredInputField_IsReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      complexArgField(complexArg: { intField: 4 })
                    }
                  }
            """,
            Error("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", (4, 39)));
    }

    [Fact]
    public void UnknownInputField_IsReportedWithSuggestion()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      complexArgField(complexArg: {
                        requiredField: true
                        invalidField: "value"
                        stringListFiel: ["one"]
                      })
                    }
                  }
            """,
            Error("Field \"invalidField\" is not defined by type \"ComplexInput\". Did you mean \"intField\"?", (6, 13)),
            Error("Field \"stringListFiel\" is not defined by type \"ComplexInput\". Did you mean \"stringListField\" or \"stringField\"?", (7, 13)));
    }

    [Fact]
    public void ObjectIntoScalar_IsReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            "{ complicatedArgs { stringArgField(stringArg: {a: 1}) } }",
            Error("String cannot represent a non string value: {a: 1}", (2, 47)));
    }

    [Fact]
    public void ScalarIntoInputObject_IsReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            "{ complicatedArgs { complexArgField(complexArg: \"x\") } }",
            Error("Expected value of type \"ComplexInput\", found \"x\".", (2, 49)));
    }

    [Fact]
    public void OneOfWithTwoFields_IsReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      oneOfArgField(oneOfArg: { stringField: "abc", intField: 123 })
                    }
                  }
            """,
            Error("OneOf Input Object \"OneOfInput\" must specify exactly one key.", (4, 35)));
    }

    [Fact]
    public void OneOfWithNullField_IsReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      oneOfArgField(oneOfArg: { stringField: null })
                    }
                  }
            """,
            Error("Field \"OneOfInput.stringField\" must be non-null.", (4, 35)));
    }

    [Fact]
    public void OneOfWithWrongValueAndNullField_ReportsBoth()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    complicatedArgs {
                      oneOfArgField(oneOfArg: { stringField: "abc", intField: null })
                    }
                  }
            """,
            Error("OneOf Input Object \"OneOfInput\" must specify exactly one key.", (4, 35)));
    }

    [Fact]
    public void WrongVariableDefaults_AreReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  query InvalidDefaultValues(
                    $a: Int = "one",
                    $b: String = 4,
                    $c: ComplexInput = "NotVeryComplex"
                  ) {
                    dog { name }
                  }
            """,
            Error("Int cannot represent non-integer value: \"one\"", (3, 19)),
            Error("String cannot represent a non string value: 4", (4, 22)),
            Error("Expected value of type \"ComplexInput\", found \"NotVeryComplex\".", (5, 28)));
    }

    [Fact]
    public void NullDefaultForNonNullVariable_IsReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            "query ($a: Int! = null) { dog { name } }",
            Error("Expected value of type \"Int!\", found null.", (2, 19)));
    }

    [Fact]
    public void WrongDirectiveArgument_IsReported()
    {
        ExpectErrors<ValuesOfCorrectTypeRule>(
            """
                  {
                    dog @include(if: "yes") {
                      name @skip(if: ENUM)
                    }
                  }
            """,
            Error("Boolean cannot represent a non boolean value: \"yes\"", (3, 26)),
            Error("Boolean cannot represent a non boolean value: ENUM", (4, 26)));
    }

    [Fact]
    public void CustomScalarThatThrows_IsReportedWithItsMessage()
    {
        var schema = SchemaBuilder.FromSdl(
            """
            scalar Invalid
            type Query { invalidArg(arg: Invalid): String }
            """,
            scalars: new Dictionary<string, ScalarType> { ["Invalid"] = new InvalidScalar() });
        ExpectErrorsWithSchema<ValuesOfCorrectTypeRule>(
            schema,
            """
                  {
                    invalidArg(arg: "bad value")
                  }
            """,
            Error("Expected value of type \"Invalid\", found \"bad value\"; Invalid scalar is always invalid: \"bad value\"", (3, 25)));
    }

    [Fact]
    public void CustomScalarCoercionError_IsReportedAsIs()
    {
        var schema = SchemaBuilder.FromSdl("type Query { at(when: DateTime): String, any(value: Anything): String } scalar Anything");
        ExpectErrorsWithSchema<ValuesOfCorrectTypeRule>(schema, "{ at(when: 5) }", Error(DateTimeMessage(), (2, 12)));
        ExpectValid<ValuesOfCorrectTypeRule>("query ($v: Int) { any(value: { a: [1, $v], b: \"x\" }) }", schema);
    }

    private static string DateTimeMessage()
    {
        try
        {
            Scalars.DateTime.ParseLiteral(new IntValueNode("5"));
            return "(accepted)";
        }
        catch (ScalarCoercionException e)
        {
            return e.Message;
        }
    }

    /// <summary>graphql-js's test scalar whose parseLiteral always throws a plain error.</summary>
    private sealed class InvalidScalar() : ScalarType("Invalid")
    {
        public override Type RuntimeType => typeof(object);

        public override object Serialize(object value) => value;

        public override object ParseValue(object value) => throw new InvalidOperationException("Invalid scalar is always invalid: " + value);

        public override object ParseLiteral(ValueNode literal) => throw new InvalidOperationException("Invalid scalar is always invalid: " + Gql.Language.Printer.Print(literal));

        public override ValueNode ToLiteral(object value) => throw new InvalidOperationException();
    }
}
