using Hospital.Web.Components.Billing;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Tests.Billing;

/// <summary>The invoices list's filters and order as the API's <c>where</c> and <c>order</c>, and what can be done by status.</summary>
public sealed class InvoiceListQueryTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Fact]
    public void Default_IsWhatIsOwed_SoonestDueFirst()
    {
        var query = InvoiceListQuery.Default;

        var where = query.Where(Today)!;
        var order = query.Sort();

        Assert.Equal([InvoiceStatus.Issued, InvoiceStatus.PartiallyPaid], where.Status.Value!.In.Value!);
        Assert.False(where.And.HasValue);
        Assert.Equal(SortEnumType.Asc, order[0].DueDate.Value);
        Assert.Equal(SortEnumType.Asc, order[1].Number.Value);
        Assert.Equal("62 unpaid invoices", query.Summary(62));
    }

    [Theory]
    [InlineData(true, null, "2026-11-18")]
    [InlineData(true, "2026-12-01", "2026-11-18")]
    [InlineData(true, "2026-11-01", "2026-11-01")]
    [InlineData(false, "2026-12-01", "2026-12-01")]
    public void Overdue_AndDueBefore_AskForTheEarlierDay(bool overdue, string? before, string expected)
    {
        var query = InvoiceListQuery.Default with { Status = InvoiceStatusFilter.All, Overdue = overdue, DueBefore = before is null ? null : DateOnly.Parse(before, System.Globalization.CultureInfo.InvariantCulture) };

        var where = query.Where(Today)!;

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), where.DueDate.Value!.Lt.Value);
        Assert.False(where.Status.HasValue);
    }

    [Fact]
    public void AllStatuses_NoFilters_SendsNoWhere()
    {
        Assert.Null((InvoiceListQuery.Default with { Status = InvoiceStatusFilter.All }).Where(Today));
    }

    [Fact]
    public void OneWord_FindsANumber_AnMrn_OrTheStartOfEitherName()
    {
        var where = (InvoiceListQuery.Default with { Status = InvoiceStatusFilter.All, Search = "smi" }).Where(Today)!;

        var or = where.Or.Value!;
        Assert.Equal("smi", or[0].Number.Value!.Icontains.Value);
        Assert.Equal("smi", or[1].Patient.Value!.Mrn.Value!.Icontains.Value);
        var names = or[2].Patient.Value!.Or.Value!;
        Assert.Equal(("smi", "smi"), (names[0].LastName.Value!.IstartsWith.Value, names[1].FirstName.Value!.IstartsWith.Value));
    }

    [Fact]
    public void SeveralWords_EachStartAName_AndCombineWithTheStatus()
    {
        var query = InvoiceListQuery.Default with { Status = InvoiceStatusFilter.Paid, Search = "ada  love" };

        var where = query.Where(Today)!;

        var parts = where.And.Value!;
        Assert.Equal([InvoiceStatus.Paid], parts[0].Status.Value!.In.Value!);
        var words = parts[1].And.Value!;
        Assert.Equal(["ada", "love"], words.Select(w => w.Patient.Value!.Or.Value![0].LastName.Value!.IstartsWith.Value));
        Assert.Equal("1 paid invoice, matching “ada  love”", query.Summary(1));
    }

    [Fact]
    public void Link_NamesOnlyWhatDiffersFromTheDefault_AndReadsBackTheSame()
    {
        var query = new InvoiceListQuery(InvoiceStatusFilter.Paid, "o'neil & co", true, new DateOnly(2026, 12, 1), InvoiceListOrder.LargestTotal);

        var link = query.Link();

        Assert.Equal("invoices", InvoiceListQuery.Default.Link());
        Assert.Equal("invoices?status=Paid&q=o%27neil%20%26%20co&before=2026-12-01&overdue=true&sort=LargestTotal", link);
        Assert.Equal(query, InvoiceListQuery.FromLink("Paid", "o'neil & co", "2026-12-01", true, "LargestTotal"));
    }

    [Fact]
    public void FromLink_MalformedValues_AreTheDefault()
    {
        Assert.Equal(InvoiceListQuery.Default, InvoiceListQuery.FromLink("Owed", " ", "1 Dec", null, "99"));
    }

    [Theory]
    [InlineData(InvoiceStatus.Draft, true, true, false, false, true)]
    [InlineData(InvoiceStatus.Issued, false, false, true, true, true)]
    [InlineData(InvoiceStatus.PartiallyPaid, false, false, true, true, false)]
    [InlineData(InvoiceStatus.Paid, false, false, false, true, false)]
    [InlineData(InvoiceStatus.Void, false, false, false, false, false)]
    public void Actions_FollowTheStatus(InvoiceStatus status, bool issue, bool editLines, bool takePayment, bool refund, bool voids)
    {
        Assert.Equal(new InvoiceActions(issue, editLines, takePayment, refund, voids), InvoiceActions.For(status));
    }

    [Theory]
    [InlineData(InvoiceStatus.Issued, "2026-11-17", true)]
    [InlineData(InvoiceStatus.PartiallyPaid, "2026-11-17", true)]
    [InlineData(InvoiceStatus.Issued, "2026-11-18", false)]
    [InlineData(InvoiceStatus.Paid, "2026-11-01", false)]
    [InlineData(InvoiceStatus.Void, "2026-11-01", false)]
    public void Overdue_IsMoneyOwedPastTheDueDate(InvoiceStatus status, string due, bool overdue)
    {
        Assert.Equal(overdue, InvoiceText.Overdue(status, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Today));
    }
}
