using System.Text;
using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class OverlappingFieldsCanBeMergedTests
{
    [Theory]
    [InlineData("fragment uniqueFields on Dog { name nickname }")]
    [InlineData("fragment mergeIdenticalFields on Dog { name name }")]
    [InlineData("fragment mergeIdenticalFieldsWithIdenticalArgs on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }")]
    [InlineData("fragment mergeIdenticalFieldsWithIdenticalDirectives on Dog { name @include(if: true) name @include(if: true) }")]
    [InlineData("fragment differentArgsWithDifferentAliases on Dog { knowsSit: doesKnowCommand(dogCommand: SIT) knowsDown: doesKnowCommand(dogCommand: DOWN) }")]
    [InlineData("fragment differentDirectivesWithDifferentAliases on Dog { nameIfTrue: name @include(if: true) nameIfFalse: name @include(if: false) }")]
    [InlineData("fragment differentDirectives on Dog { name @include(if: true) name @include(if: false) }")]
    [InlineData("{ dog { ... on Dog { isAtLocation(x: 0, y: 0) } isAtLocation(y: 0, x: 0) } }")]
    [InlineData("{ complicatedArgs { complexArgField(complexArg: { requiredField: true, intField: 1 }) ... { complexArgField(complexArg: { intField: 1, requiredField: true }) } } }")]
    [InlineData("fragment sameAliasesWithDifferentFieldTargets on Pet { ... on Dog { name } ... on Cat { name: nickname } }")]
    public void MergeableFields_AreValid(string query)
    {
        ExpectValid<OverlappingFieldsCanBeMergedRule>(query);
    }

    [Fact]
    public void SameAliasForDifferentFields_IsReported()
    {
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
                  fragment sameAliasesWithDifferentFieldTargets on Dog {
                    fido: name
                    fido: nickname
                  }
            """,
            Error("Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (3, 9), (4, 9)));
    }

    [Fact]
    public void AliasMaskingDirectField_IsReported()
    {
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
                  fragment aliasMaskingDirectFieldAccess on Dog {
                    name: nickname
                    name
                  }
            """,
            Error("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (3, 9), (4, 9)));
    }

    [Fact]
    public void DifferentArguments_AreReported()
    {
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
                  fragment conflictingArgs on Dog {
                    doesKnowCommand
                    doesKnowCommand(dogCommand: HEEL)
                  }
            """,
            Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (3, 9), (4, 9)));
    }

    [Fact]
    public void DifferentArgumentValues_AreReported()
    {
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
                  fragment conflictingArgs on Dog {
                    doesKnowCommand(dogCommand: SIT)
                    doesKnowCommand(dogCommand: HEEL)
                  }
            """,
            Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (3, 9), (4, 9)));
    }

    [Fact]
    public void DifferentArgumentsOnDifferentObjectTypes_AreValid()
    {
        ExpectValid<OverlappingFieldsCanBeMergedRule>("""
                  fragment conflictingArgs on Pet {
                    ... on Dog {
                      name(surname: true)
                    }
                    ... on Cat {
                      name
                    }
                  }
            """);
    }

    [Fact]
    public void ConflictThroughFragmentSpread_IsReported()
    {
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
                  {
                    dog {
                      ...A
                      ...B
                    }
                  }
                  fragment A on Dog {
                    x: name
                  }
                  fragment B on Dog {
                    x: barks
                  }
            """,
            Error("Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (9, 9), (12, 9)));
    }

    [Fact]
    public void DeepConflict_IsReportedWithSubfields()
    {
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
                  {
                    dog {
                      x: name
                    }
                    dog {
                      x: barks
                    }
                  }
            """,
            Error("Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (3, 9), (4, 11), (6, 9), (7, 11)));
    }

    [Fact]
    public void MultipleDeepConflicts_AreJoined()
    {
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
                  {
                    field: dog {
                      x: name
                      y: barkVolume
                    }
                    field: dog {
                      x: barks
                      y: nickname
                    }
                  }
            """,
            Error("Fields \"field\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields and subfields \"y\" conflict because \"barkVolume\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (3, 9), (4, 11), (5, 11), (7, 9), (8, 11), (9, 11)));
    }

    [Fact]
    public void ConflictingReturnTypes_OnDifferentObjects_AreReported()
    {
        var schema = SchemaBuilder.FromSdl("""
            interface SomeBox { deepBox: SomeBox }
            type StringBox implements SomeBox { scalar: String deepBox: StringBox }
            type IntBox implements SomeBox { scalar: Int deepBox: IntBox }
            type NonNullStringBox1 implements SomeBox { scalar: String! deepBox: SomeBox }
            type NonNullStringBox2 implements SomeBox { scalar: String! deepBox: SomeBox }
            type ListStringBox implements SomeBox { scalar: [String] deepBox: SomeBox }
            type Query { someBox: SomeBox }
            """);
        ExpectErrorsWithSchema<OverlappingFieldsCanBeMergedRule>(
            schema,
            """
                  {
                    someBox {
                      ... on IntBox {
                        scalar
                      }
                      ... on StringBox {
                        scalar
                      }
                    }
                  }
            """,
            Error("Fields \"scalar\" conflict because they return conflicting types \"Int\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", (5, 13), (8, 13)));
        ExpectErrorsWithSchema<OverlappingFieldsCanBeMergedRule>(
            schema,
            """
                  {
                    someBox {
                      ... on NonNullStringBox1 {
                        scalar
                      }
                      ... on StringBox {
                        scalar
                      }
                    }
                  }
            """,
            Error("Fields \"scalar\" conflict because they return conflicting types \"String!\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", (5, 13), (8, 13)));
        ExpectErrorsWithSchema<OverlappingFieldsCanBeMergedRule>(
            schema,
            """
                  {
                    someBox {
                      ... on ListStringBox {
                        scalar
                      }
                      ... on StringBox {
                        scalar
                      }
                    }
                  }
            """,
            Error("Fields \"scalar\" conflict because they return conflicting types \"[String]\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", (5, 13), (8, 13)));
        ExpectValid<OverlappingFieldsCanBeMergedRule>(
            """
                  {
                    someBox {
                      ... on NonNullStringBox1 {
                        scalar
                      }
                      ... on NonNullStringBox2 {
                        scalar
                      }
                    }
                  }
            """,
            schema);
    }

    [Fact]
    public void MutuallyRecursiveFragments_DoNotLoop()
    {
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
                  {
                    ...fragA
                  }
                  fragment fragA on Query {
                    ...fragB
                  }
                  fragment fragB on Query {
                    ...fragA
                  }
            """);
    }

    [Fact]
    public void SelfSpreadWithConflict_IsReported()
    {
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
                  {
                    ...fragA
                  }
                  fragment fragA on Query {
                    x: a
                    ...fragA
                    x: b
                  }
            """,
            Error("Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (6, 9), (8, 9)));
    }

    [Fact]
    public void FragmentsAndAbstractTypes_ReportTheSameConflictsAsGraphQLJs()
    {
        // Expected output produced by graphql-js 16.15 for the same document.
        const string Conflict = ". Use different aliases on the fields to fetch both if this was intentional.";
        ExpectErrors<OverlappingFieldsCanBeMergedRule>(
            """
            {
              dog {
                ...A
                ...B
                x: name
              }
              catOrDog {
                ... on Dog { y: name mother { z: name } }
                ... on Cat { y: meows }
                ... on Pet { y: name }
                ...C
              }
            }
            fragment A on Dog { x: barks mother { ...B } }
            fragment B on Dog { x: nickname mother { x: name } }
            fragment C on Canine { y: name(surname: true) mother { z: father { name } } }
            """,
            Error("Fields \"x\" conflict because \"name\" and \"barks\" are different fields" + Conflict, (6, 5), (15, 21)),
            Error("Fields \"x\" conflict because \"barks\" and \"nickname\" are different fields" + Conflict, (15, 21), (16, 21)),
            Error("Fields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields" + Conflict, (15, 30), (16, 42), (16, 33), (16, 21)),
            Error("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields" + Conflict, (6, 5), (16, 21)),
            Error("Fields \"y\" conflict because they return conflicting types \"String\" and \"Boolean\"" + Conflict, (9, 18), (10, 18)),
            Error("Fields \"y\" conflict because \"meows\" and \"name\" are different fields" + Conflict, (10, 18), (11, 18)),
            Error("Fields \"y\" conflict because they have differing arguments" + Conflict, (9, 18), (17, 24)),
            Error("Fields \"y\" conflict because \"meows\" and \"name\" are different fields" + Conflict, (10, 18), (17, 24)),
            Error("Fields \"y\" conflict because they have differing arguments" + Conflict, (11, 18), (17, 24)),
            Error("Fields \"mother\" conflict because subfields \"z\" conflict because \"name\" and \"father\" are different fields" + Conflict, (9, 26), (9, 35), (17, 47), (17, 56)));
    }

    [Fact]
    public void ManyRepeatedFields_ValidateQuickly()
    {
        // Each response name appears many times; comparing them pairwise must stay cheap.
        var query = new StringBuilder("{ dog { ");
        for (var i = 0; i < 100; i++)
        {
            query.Append("name ").Append("barks ").Append("mother { name } ");
        }

        query.Append("} }");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var errors = Validate<OverlappingFieldsCanBeMergedRule>(query.ToString());
        Assert.Empty(errors);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }

    [Fact]
    public void WorkBeyondTheBudget_AbortsValidation()
    {
        // As graphql-js: 500 copies of the same fields make 375,000 comparisons, over the work budget.
        var query = new StringBuilder("{ dog { ");
        for (var i = 0; i < 500; i++)
        {
            query.Append("name ").Append("barks ").Append("mother { name } ");
        }

        query.Append("} }");
        AssertErrors(Validate<OverlappingFieldsCanBeMergedRule>(query.ToString()), [Error("Validation aborted.")]);
    }

    [Fact]
    public void ExponentialFragmentFanOut_IsNotExponential()
    {
        // Each fragment spreads the next one twice: a naive expansion would visit 2^30 fields.
        var query = new StringBuilder("{ dog { ...F0 } }\n");
        for (var i = 0; i < 30; i++)
        {
            query.Append($"fragment F{i} on Dog {{ name ...F{i + 1} mother {{ ...F{i + 1} }} }}\n");
        }

        query.Append("fragment F30 on Dog { name }\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var errors = Validate<OverlappingFieldsCanBeMergedRule>(query.ToString());
        Assert.Empty(errors);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }
}
