using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class PossibleFragmentSpreadsTests
{
    [Theory]
    [InlineData("fragment objectWithinObject on Dog { ...dogFragment } fragment dogFragment on Dog { barkVolume }")]
    [InlineData("fragment objectWithinObjectAnon on Dog { ... on Dog { barkVolume } }")]
    [InlineData("fragment objectWithinInterface on Pet { ...dogFragment } fragment dogFragment on Dog { barkVolume }")]
    [InlineData("fragment objectWithinUnion on CatOrDog { ...dogFragment } fragment dogFragment on Dog { barkVolume }")]
    [InlineData("fragment unionWithinObject on Dog { ...catOrDogFragment } fragment catOrDogFragment on CatOrDog { __typename }")]
    [InlineData("fragment interfaceWithinObject on Dog { ...petFragment } fragment petFragment on Pet { name }")]
    [InlineData("fragment interfaceWithinInterface on Pet { ...petFragment } fragment petFragment on Pet { name }")]
    [InlineData("fragment interfaceWithinUnion on CatOrDog { ...petFragment } fragment petFragment on Pet { name }")]
    [InlineData("fragment unionWithinInterface on Pet { ...catOrDogFragment } fragment catOrDogFragment on CatOrDog { __typename }")]
    [InlineData("fragment interfaceWithinInterfaceImplementingIt on Mammal { ...canineFragment } fragment canineFragment on Canine { name }")]
    [InlineData("fragment unknownType on Pet { ...frag } fragment frag on UnknownType { name }")]
    [InlineData("fragment x on Dog { ...unknownFragment }")]
    public void OverlappingTypes_AreValid(string query)
    {
        ExpectValid<PossibleFragmentSpreadsRule>(query);
    }

    [Fact]
    public void DifferentObjectTypes_AreReported()
    {
        ExpectErrors<PossibleFragmentSpreadsRule>(
            """
                  fragment invalidObjectWithinObject on Cat { ...dogFragment }
                  fragment dogFragment on Dog { barkVolume }
            """,
            Error("Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (2, 51)));
    }

    [Fact]
    public void InlineFragmentOfDifferentObjectType_IsReported()
    {
        ExpectErrors<PossibleFragmentSpreadsRule>(
            """
                  fragment invalidObjectWithinObjectAnon on Cat {
                    ... on Dog { barkVolume }
                  }
            """,
            Error("Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (3, 9)));
    }

    [Fact]
    public void ObjectOutsideInterfaceOrUnion_IsReported()
    {
        ExpectErrors<PossibleFragmentSpreadsRule>(
            """
                  fragment invalidObjectWithinInterface on Pet { ...humanFragment }
                  fragment humanFragment on Human { pets { name } }
                  fragment invalidObjectWithinUnion on CatOrDog { ...humanFragment }
            """,
            Error("Fragment \"humanFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"Human\".", (2, 54)),
            Error("Fragment \"humanFragment\" cannot be spread here as objects of type \"CatOrDog\" can never be of type \"Human\".", (4, 55)));
    }

    [Fact]
    public void DisjointAbstractTypes_AreReported()
    {
        ExpectErrors<PossibleFragmentSpreadsRule>(
            """
                  fragment invalidUnionWithinInterface on Pet { ...humanOrAlienFragment }
                  fragment humanOrAlienFragment on Mammal { __typename }
                  fragment invalidInterfaceWithinUnion on Human { ...petFragment }
                  fragment petFragment on Pet { name }
            """,
            Error("Fragment \"petFragment\" cannot be spread here as objects of type \"Human\" can never be of type \"Pet\".", (4, 55)));
    }
}
