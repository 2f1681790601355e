using Hospital.Web.GraphQL;
using Radzen;

namespace Hospital.Web.Components.Patients;

/// <summary>The patients grid's search text and sort columns as GraphQL <c>where</c> and <c>order</c>.</summary>
public static class PatientQueryMapping
{
    public static PatientFilterInput? Filter(string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return new PatientFilterInput
        {
            Or = new PatientFilterInput[]
            {
                new() { LastName = new StringOperationFilterInput { Icontains = text } },
                new() { FirstName = new StringOperationFilterInput { Icontains = text } },
                new() { Mrn = new StringOperationFilterInput { Icontains = text } },
            },
        };
    }

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
