using Hospital.Web.GraphQL;
using Radzen;

namespace Hospital.Web.Components.Patients;

/// <summary>The patients grid's search text and sort columns as GraphQL <c>where</c> and <c>order</c>.</summary>
public static class PatientQueryMapping
{
    /// <summary>The search box's text as the API's <c>search</c> argument (start of a name, an MRN, phone digits); null for none.</summary>
    public static string? Search(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The sex and age group as one <c>where</c>; null for "everyone".</summary>
    public static PatientFilterInput? Filter(Sex? sex = null, AgeGroup age = AgeGroup.All, DateOnly today = default)
    {
        var parts = new List<PatientFilterInput>();
        if (sex is { } wanted)
        {
            parts.Add(new PatientFilterInput { Sex = new SexOperationFilterInput { Eq = wanted } });
        }

        if (Born(age, today) is { } born)
        {
            parts.Add(new PatientFilterInput { DateOfBirth = born });
        }

        // Fields left unset stay out of the request; one condition is sent as itself, several under `and`.
        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new PatientFilterInput { And = parts },
        };
    }

    /// <summary>
    /// The birth dates of an age group on <paramref name="today"/>: under 18 means born after the 18th birthday cut-off,
    /// 65 and over means born on or before the 65th.
    /// </summary>
    public static DateOperationFilterInput? Born(AgeGroup age, DateOnly today) => age switch
    {
        AgeGroup.Children => new DateOperationFilterInput { Gt = today.AddYears(-18) },
        AgeGroup.Adults => new DateOperationFilterInput { Gt = today.AddYears(-65), Lte = today.AddYears(-18) },
        AgeGroup.Seniors => new DateOperationFilterInput { Lte = today.AddYears(-65) },
        _ => null,
    };

    /// <summary>The grid's sorts in order, then last name, first name and MRN so pages are stable.</summary>
    public static IReadOnlyList<PatientSortInput> Order(IEnumerable<SortDescriptor>? sorts)
    {
        var order = new List<PatientSortInput>();
        foreach (var sort in sorts ?? [])
        {
            var direction = sort.SortOrder == SortOrder.Descending ? SortEnumType.Desc : SortEnumType.Asc;
            order.Add(sort.Property switch
            {
                "Mrn" => new PatientSortInput { Mrn = direction },
                "LastName" => new PatientSortInput { LastName = direction },
                "FirstName" => new PatientSortInput { FirstName = direction },
                "DateOfBirth" => new PatientSortInput { DateOfBirth = direction },
                _ => throw new ArgumentOutOfRangeException(nameof(sorts), sort.Property, "The patients grid cannot sort by this column."),
            });
        }

        if (order.Count == 0)
        {
            order.Add(new PatientSortInput { LastName = SortEnumType.Asc });
            order.Add(new PatientSortInput { FirstName = SortEnumType.Asc });
        }

        return order;
    }
}

/// <summary>The patients grid's age groups.</summary>
public enum AgeGroup
{
    All,

    /// <summary>Under 18.</summary>
    Children,

    /// <summary>18 to 64.</summary>
    Adults,

    /// <summary>65 and over.</summary>
    Seniors,
}
