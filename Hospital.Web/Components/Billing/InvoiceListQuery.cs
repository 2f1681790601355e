using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Billing;

/// <summary>Which invoices the list shows, by status.</summary>
public enum InvoiceStatusFilter
{
    /// <summary>Issued or partly paid: money is owed (the list's default).</summary>
    Unpaid,
    Issued,
    PartiallyPaid,
    Paid,
    Draft,
    Void,
    All,
}

/// <summary>How the list is sorted.</summary>
public enum InvoiceListOrder
{
    DueSoonest,
    DueLatest,
    LargestTotal,
    Newest,
}

/// <summary>
/// The unpaid-invoices list's filters as the API takes them: a status, a patient (the start of a name, an MRN) or an
/// invoice number, due dates (overdue, or due before a day) and an order. Every order ends with the number, so pages
/// are stable.
/// </summary>
public sealed record InvoiceListQuery(InvoiceStatusFilter Status, string? Search, bool Overdue, DateOnly? DueBefore, InvoiceListOrder Order)
{
    public static InvoiceListQuery Default { get; } = new(InvoiceStatusFilter.Unpaid, null, false, null, InvoiceListOrder.DueSoonest);

    public bool IsDefault => this == Default;

    public static string Label(InvoiceStatusFilter status) => status switch
    {
        InvoiceStatusFilter.Unpaid => "Unpaid",
        InvoiceStatusFilter.PartiallyPaid => "Partly paid",
        InvoiceStatusFilter.All => "All statuses",
        _ => status.ToString(),
    };

    public static string Label(InvoiceListOrder order) => order switch
    {
        InvoiceListOrder.DueSoonest => "Due date, soonest first",
        InvoiceListOrder.DueLatest => "Due date, latest first",
        InvoiceListOrder.LargestTotal => "Total, largest first",
        _ => "Newest first",
    };

    /// <summary>The list's address with these filters (only those that differ from the default), so Back returns to them.</summary>
    public string Link()
    {
        var parts = new List<string>();
        if (Status != Default.Status)
        {
            parts.Add("status=" + Status);
        }

        if (Search is { Length: > 0 } text)
        {
            parts.Add("q=" + Uri.EscapeDataString(text));
        }

        if (DueBefore is { } day)
        {
            parts.Add("before=" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Overdue)
        {
            parts.Add("overdue=true");
        }

        if (Order != Default.Order)
        {
            parts.Add("sort=" + Order);
        }

        return InvoiceLinks.List + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }

    /// <summary>The filters an address names (see <see cref="Link"/>); what is missing or malformed is the default.</summary>
    public static InvoiceListQuery FromLink(string? status, string? search, string? before, bool? overdue, string? sort) => new(
        Enum.TryParse<InvoiceStatusFilter>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : Default.Status,
        string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        overdue ?? false,
        DateOnly.TryParseExact(before, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null,
        Enum.TryParse<InvoiceListOrder>(sort, ignoreCase: true, out var o) && Enum.IsDefined(o) ? o : Default.Order);

    /// <summary>What the list holds, in words: "62 unpaid invoices, overdue, matching “smith”".</summary>
    public string Summary(int count)
    {
        var kind = Status switch
        {
            InvoiceStatusFilter.All => "",
            InvoiceStatusFilter.Unpaid => "unpaid ",
            _ => Label(Status).ToLowerInvariant() + " ",
        };
        return count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + kind + (count == 1 ? "invoice" : "invoices")
            + (Overdue ? ", overdue" : "")
            + (DueBefore is { } day ? $", due before {InvoiceText.Date(day)}" : "")
            + (Search is { Length: > 0 } text ? $", matching “{text}”" : "");
    }

    /// <summary>The filters as one <c>where</c>; null when nothing narrows the list.</summary>
    public InvoiceFilterInput? Where(DateOnly today)
    {
        var parts = new List<InvoiceFilterInput>();
        if (Statuses(Status) is { } statuses)
        {
            parts.Add(new InvoiceFilterInput { Status = new InvoiceStatusOperationFilterInput { In = statuses } });
        }

        // Overdue is due before today; with a day chosen as well, the earlier of the two.
        DateOnly? before = (Overdue, DueBefore) switch
        {
            (true, { } day) => day < today ? day : today,
            (true, null) => today,
            (false, { } day) => day,
            _ => null,
        };
        if (before is { } limit)
        {
            parts.Add(new InvoiceFilterInput { DueDate = new DateOperationFilterInput { Lt = limit } });
        }

        if (SearchFilter(Search) is { } search)
        {
            parts.Add(search);
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new InvoiceFilterInput { And = parts },
        };
    }

    public IReadOnlyList<InvoiceSortInput> Sort() => Order switch
    {
        InvoiceListOrder.DueSoonest => [new InvoiceSortInput { DueDate = SortEnumType.Asc }, new InvoiceSortInput { Number = SortEnumType.Asc }],
        InvoiceListOrder.DueLatest => [new InvoiceSortInput { DueDate = SortEnumType.Desc }, new InvoiceSortInput { Number = SortEnumType.Desc }],
        InvoiceListOrder.LargestTotal => [new InvoiceSortInput { Total = SortEnumType.Desc }, new InvoiceSortInput { Number = SortEnumType.Asc }],
        _ => [new InvoiceSortInput { CreatedAt = SortEnumType.Desc }, new InvoiceSortInput { Number = SortEnumType.Desc }],
    };

    private static List<InvoiceStatus>? Statuses(InvoiceStatusFilter status) => status switch
    {
        InvoiceStatusFilter.Unpaid => [InvoiceStatus.Issued, InvoiceStatus.PartiallyPaid],
        InvoiceStatusFilter.Issued => [InvoiceStatus.Issued],
        InvoiceStatusFilter.PartiallyPaid => [InvoiceStatus.PartiallyPaid],
        InvoiceStatusFilter.Paid => [InvoiceStatus.Paid],
        InvoiceStatusFilter.Draft => [InvoiceStatus.Draft],
        InvoiceStatusFilter.Void => [InvoiceStatus.Void],
        _ => null,
    };

    // One word: the start of either name, or part of an MRN or invoice number. Several: each starts one of the names.
    private static InvoiceFilterInput? SearchFilter(string? text)
    {
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return null;
        }

        if (words.Length == 1)
        {
            var word = words[0];
            return new InvoiceFilterInput
            {
                Or = new List<InvoiceFilterInput>
                {
                    new InvoiceFilterInput { Number = new StringOperationFilterInput { Icontains = word } },
                    new InvoiceFilterInput { Patient = new PatientFilterInput { Mrn = new StringOperationFilterInput { Icontains = word } } },
                    NameStarts(word),
                },
            };
        }

        return new InvoiceFilterInput { And = words.Select(NameStarts).ToList() };
    }

    private static InvoiceFilterInput NameStarts(string word) => new()
    {
        Patient = new PatientFilterInput
        {
            Or = new List<PatientFilterInput>
            {
                new PatientFilterInput { LastName = new StringOperationFilterInput { IstartsWith = word } },
                new PatientFilterInput { FirstName = new StringOperationFilterInput { IstartsWith = word } },
            },
        },
    };
}
