using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class ScalarLeafsTests
{
    [Fact]
    public void ScalarSelection_IsValid()
    {
        ExpectValid<ScalarLeafsRule>("fragment scalarSelection on Dog { barks }");
    }

    [Fact]
    public void ObjectWithoutSubselection_IsReported()
    {
        ExpectErrors<ScalarLeafsRule>(
            """
                  query directQueryOnObjectWithoutSubFields {
                    human
                  }
            """,
            Error("Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", (3, 9)));
    }

    [Fact]
    public void ListOfObjectsWithoutSubselection_PrintsWrappedType()
    {
        ExpectErrors<ScalarLeafsRule>(
            """
                  query directQueryOnObjectWithoutSubFields {
                    human { pets }
                  }
            """,
            Error("Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"?", (3, 17)));
    }

    [Fact]
    public void InterfaceAndUnionWithoutSubselection_AreReported()
    {
        ExpectErrors<ScalarLeafsRule>(
            """
                  {
                    pet
                    catOrDog
                  }
            """,
            Error("Field \"pet\" of type \"Pet\" must have a selection of subfields. Did you mean \"pet { ... }\"?", (3, 9)),
            Error("Field \"catOrDog\" of type \"CatOrDog\" must have a selection of subfields. Did you mean \"catOrDog { ... }\"?", (4, 9)));
    }

    [Fact]
    public void SelectionOnScalarAndEnum_IsReported()
    {
        ExpectErrors<ScalarLeafsRule>(
            """
                  fragment scalarSelectionsNotAllowedOnBoolean on Dog {
                    barks { sinceWhen }
                  }
                  fragment scalarSelectionsNotAllowedOnEnum on Cat {
                    furColor { inHexDec }
                  }
            """,
            Error("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (3, 15)),
            Error("Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields.", (6, 18)));
    }

    [Fact]
    public void SelectionOnScalarWithArgumentsAndDirectives_IsReported()
    {
        ExpectErrors<ScalarLeafsRule>(
            """
                  fragment scalarSelectionsNotAllowedWithDirectivesAndArgs on Dog {
                    doesKnowCommand(dogCommand: SIT) @include(if: true) { sinceWhen }
                  }
            """,
            Error("Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has no subfields.", (3, 61)));
    }
}
