using Hospital.Data.Entities;

namespace Hospital.Data.Domain;

public static class LabOrderRules
{
    private static readonly Dictionary<LabOrderStatus, LabOrderStatus[]> Next = new()
    {
        [LabOrderStatus.Ordered] = [LabOrderStatus.Collected, LabOrderStatus.Cancelled],
        [LabOrderStatus.Collected] = [LabOrderStatus.InProgress, LabOrderStatus.Cancelled],
        [LabOrderStatus.InProgress] = [LabOrderStatus.Resulted, LabOrderStatus.Cancelled],
        [LabOrderStatus.Resulted] = [],
        [LabOrderStatus.Cancelled] = [],
    };

    public static bool CanTransition(LabOrderStatus from, LabOrderStatus to) => Next[from].Contains(to);

    public static IReadOnlyList<LabOrderStatus> AllowedNext(LabOrderStatus from) => Next[from];

    public static bool IsPending(LabOrderStatus status) => status is LabOrderStatus.Ordered or LabOrderStatus.Collected or LabOrderStatus.InProgress;

    public static void EnsureTransition(LabOrder order, LabOrderStatus to, string? reason)
    {
        if (!CanTransition(order.Status, to))
        {
            throw new InvalidStatusTransitionException(nameof(LabOrder), order.Status.ToString(), to.ToString());
        }

        if (to == LabOrderStatus.Cancelled && string.IsNullOrWhiteSpace(reason))
        {
            throw new ReasonRequiredException("cancel a lab order");
        }

        if (to == LabOrderStatus.Resulted && order.Results.Count == 0)
        {
            throw new DomainValidationException(["LabOrder.Results: a lab order needs at least one result to be resulted"]);
        }
    }

    /// <summary>Flags a numeric value against its reference range; beyond the critical margin it is critical.</summary>
    public static ResultFlag Flag(decimal value, decimal? low, decimal? high, decimal criticalMargin = 0.5m)
    {
        if (low is { } lo && value < lo)
        {
            return value < lo - (Math.Abs(lo) * criticalMargin) ? ResultFlag.Critical : ResultFlag.Abnormal;
        }

        if (high is { } hi && value > hi)
        {
            return value > hi + (Math.Abs(hi) * criticalMargin) ? ResultFlag.Critical : ResultFlag.Abnormal;
        }

        return ResultFlag.Normal;
    }
}
