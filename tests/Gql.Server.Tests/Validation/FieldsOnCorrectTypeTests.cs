using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class FieldsOnCorrectTypeTests
{
    [Theory]
    [InlineData("fragment objectFieldSelection on Dog { __typename name }")]
    [InlineData("fragment aliasedObjectFieldSelection on Dog { tn : __typename otherName : name }")]
    [InlineData("fragment interfaceFieldSelection on Pet { __typename name }")]
    [InlineData("fragment lyingAliasSelection on Dog { name : nickname }")]
    [InlineData("fragment unionTypenameSelection on CatOrDog { __typename }")]
    [InlineData("query { __schema { queryType { name } } __type(name: \"Dog\") { name } }")]
    public void DefinedFields_AreValid(string query)
    {
        ExpectValid<FieldsOnCorrectTypeRule>(query);
    }

    [Fact]
    public void UnknownSelectionOnUnknownType_IsIgnored()
    {
        ExpectValid<FieldsOnCorrectTypeRule>("fragment unknownSelection on UnknownType { unknownField }");
    }

    [Fact]
    public void UnknownField_InsideUnknownField_IsReportedOnce()
    {
        ExpectErrors<FieldsOnCorrectTypeRule>(
            """
                  fragment typeKnownAgain on Pet {
                    unknown_pet_field {
                      ... on Cat {
                        unknown_cat_field
                      }
                    }
                  }
            """,
            Error("Cannot query field \"unknown_pet_field\" on type \"Pet\".", (3, 9)),
            Error("Cannot query field \"unknown_cat_field\" on type \"Cat\".", (5, 13)));
    }

    [Fact]
    public void UnknownField_OnObject_ReportsWithSuggestion()
    {
        ExpectErrors<FieldsOnCorrectTypeRule>(
            """
                  fragment fieldNotDefined on Dog {
                    meowVolume
                  }
            """,
            Error("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (3, 9)));
    }

    [Fact]
    public void UnknownAliasedField_IsReportedByFieldName()
    {
        ExpectErrors<FieldsOnCorrectTypeRule>(
            """
                  fragment aliasedFieldTargetNotDefined on Dog {
                    volume : mooVolume
                  }
            """,
            Error("Cannot query field \"mooVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (3, 9)));
    }

    [Fact]
    public void UnknownField_OnInterface_SuggestsTypesThatDefineIt()
    {
        ExpectErrors<FieldsOnCorrectTypeRule>(
            """
                  fragment notDefinedOnInterface on Pet {
                    tailLength
                  }
            """,
            Error("Cannot query field \"tailLength\" on type \"Pet\".", (3, 9)));
    }

    [Fact]
    public void FieldOfImplementation_OnInterface_SuggestsInlineFragment()
    {
        ExpectErrors<FieldsOnCorrectTypeRule>(
            """
                  fragment definedOnImplementorsButNotInterface on Pet {
                    nickname
                  }
            """,
            Error("Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", (3, 9)));
    }

    [Fact]
    public void DirectField_OnUnion_IsReported()
    {
        ExpectErrors<FieldsOnCorrectTypeRule>(
            """
                  fragment directFieldSelectionOnUnion on CatOrDog {
                    directField
                  }
            """,
            Error("Cannot query field \"directField\" on type \"CatOrDog\".", (3, 9)));
    }

    [Fact]
    public void FieldOfMembers_OnUnion_SuggestsInterfacesFirst()
    {
        ExpectErrors<FieldsOnCorrectTypeRule>(
            """
                  fragment definedOnImplementorsQueriedOnUnion on CatOrDog {
                    name
                  }
            """,
            Error("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"?", (3, 9)));
    }

    [Fact]
    public void MetaFieldsOutsideQueryRoot_AreReported()
    {
        ExpectErrors<FieldsOnCorrectTypeRule>(
            """
                  {
                    dog { __schema { queryType { name } } }
                  }
            """,
            Error("Cannot query field \"__schema\" on type \"Dog\".", (3, 15)));
    }

    [Fact]
    public void SuggestedTypes_AreOrderedByUsageThenSuperTypes()
    {
        var schema = SchemaBuilder.FromSdl("""
            interface T {
              y: String
            }
            interface Animal {
              name: String
            }
            interface Mammal implements Animal {
              name: String
            }
            interface Canine implements Animal & Mammal {
              name: String
            }
            type Dog implements Animal & Mammal & Canine {
              name: String
            }
            interface Feline implements Animal & Mammal {
              name: String
            }
            type Cat implements Animal & Mammal & Feline {
              name: String
            }
            type Query {
              t: T
            }
            union Pets = Dog | Cat
            type Extra implements T { y: String }
            type Holder { pets: Pets }
            extend type Query { holder: Holder }
            """);
        ExpectErrorsWithSchema<FieldsOnCorrectTypeRule>(
            schema,
            "{ holder { pets { name } } }",
            Error("Cannot query field \"name\" on type \"Pets\". Did you mean to use an inline fragment on \"Animal\", \"Mammal\", \"Canine\", \"Cat\", or \"Dog\"?", (2, 19)));
    }

    [Fact]
    public void FieldSuggestions_AreLimitedToFive()
    {
        var schema = SchemaBuilder.FromSdl("""
            type T {
              y: String
              z: String
              a: String
              b: String
              c: String
              d: String
            }
            type Query { t: T }
            """);
        ExpectErrorsWithSchema<FieldsOnCorrectTypeRule>(
            schema,
            "{ t { f } }",
            Error("Cannot query field \"f\" on type \"T\". Did you mean \"a\", \"b\", \"c\", \"d\", or \"y\"?", (2, 7)));
    }
}
