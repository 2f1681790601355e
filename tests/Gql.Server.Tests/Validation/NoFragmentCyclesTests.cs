using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class NoFragmentCyclesTests
{
    [Theory]
    [InlineData("fragment fragA on Dog { ...fragB } fragment fragB on Dog { name }")]
    [InlineData("fragment fragA on Dog { ...fragB, ...fragB } fragment fragB on Dog { name }")]
    [InlineData("fragment fragA on Dog { ...fragB, ...fragC } fragment fragB on Dog { ...fragC } fragment fragC on Dog { name }")]
    [InlineData("fragment nameFragment on Pet { ... on Dog { name } ... on Cat { name } }")]
    [InlineData("fragment fragA on Pet { ...nameFragment } fragment nameFragment on Pet { ... on Dog { name } }")]
    [InlineData("fragment nameFragment on Pet { ...UnknownFragment }")]
    public void AcyclicSpreads_AreValid(string query)
    {
        ExpectValid<NoFragmentCyclesRule>(query);
    }

    [Fact]
    public void DirectSelfSpread_IsReported()
    {
        ExpectErrors<NoFragmentCyclesRule>(
            "fragment fragA on Human { relatives { ...fragA } }",
            Error("Cannot spread fragment \"fragA\" within itself.", (2, 39)));
    }

    [Fact]
    public void TwoFragmentCycle_IsReportedOnce()
    {
        ExpectErrors<NoFragmentCyclesRule>(
            """
                  fragment fragA on Dog { ...fragB }
                  fragment fragB on Dog { ...fragA }
            """,
            Error("Cannot spread fragment \"fragA\" within itself via \"fragB\".", (2, 31), (3, 31)));
    }

    [Fact]
    public void DeepCycle_ListsThePath()
    {
        ExpectErrors<NoFragmentCyclesRule>(
            """
                  fragment fragA on Dog { ...fragB }
                  fragment fragB on Dog { ...fragC }
                  fragment fragC on Dog { ...fragO }
                  fragment fragX on Dog { ...fragY }
                  fragment fragY on Dog { ...fragZ }
                  fragment fragZ on Dog { ...fragO }
                  fragment fragO on Dog { ...fragP }
                  fragment fragP on Dog { ...fragA, ...fragX }
            """,
            Error("Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\", \"fragO\", \"fragP\".", (2, 31), (3, 31), (4, 31), (8, 31), (9, 31)),
            Error("Cannot spread fragment \"fragO\" within itself via \"fragP\", \"fragX\", \"fragY\", \"fragZ\".", (8, 31), (9, 41), (5, 31), (6, 31), (7, 31)));
    }

    [Fact]
    public void MultipleCyclesFromOneFragment_AreEachReported()
    {
        ExpectErrors<NoFragmentCyclesRule>(
            """
                  fragment fragA on Dog { ...fragB }
                  fragment fragB on Dog { ...fragB, ...fragC }
                  fragment fragC on Dog { ...fragA }
            """,
            Error("Cannot spread fragment \"fragB\" within itself.", (3, 31)),
            Error("Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\".", (2, 31), (3, 41), (4, 31)));
    }
}
