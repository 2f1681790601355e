using Hospital.Data.Domain;
using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>
/// Books appointment slots so that no doctor is ever double-booked and every appointment falls inside the
/// doctor's working hours and outside time off, checked with the same <see cref="AppointmentRules"/> the API uses.
/// </summary>
internal sealed class ScheduleBook(SeedContext context)
{
    public const int SlotMinutes = 30;

    // Keyed by doctor and UTC day: an appointment is short, so only its own day and the day before can clash.
    private readonly Dictionary<(int DoctorId, DateOnly Day), List<(DateTime Start, DateTime End)>> booked = [];

    /// <summary>Finds a free slot for the doctor between two local dates (inclusive), or null after a bounded search.</summary>
    public (DateTime Start, DateTime End)? Book(Doctor doctor, DateOnly from, DateOnly to, int minutes, Func<DateTime, bool>? accept = null)
    {
        var days = to.DayNumber - from.DayNumber;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var date = from.AddDays(context.Random.Int(0, Math.Max(0, days)));
            var blocks = doctor.WorkingHours.Where(h => h.DayOfWeek == date.DayOfWeek).ToList();
            if (blocks.Count == 0)
            {
                continue;
            }

            var block = context.Pick(blocks);
            var slots = (int)((block.EndTime - block.StartTime).TotalMinutes / SlotMinutes);
            var startTime = block.StartTime.AddMinutes(SlotMinutes * context.Random.Int(0, slots - 1));
            var start = context.ToUtc(date, startTime);
            var end = start.AddMinutes(minutes);
            if ((accept is not null && !accept(start))
                || !AppointmentRules.IsWithinWorkingHours(doctor.WorkingHours, doctor.TimeOff, start, end, context.TimeZone)
                || IsTaken(doctor.Id, start, end))
            {
                continue;
            }

            Reserve(doctor.Id, start, end);
            return (start, end);
        }

        return null;
    }

    private bool IsTaken(int doctorId, DateTime start, DateTime end)
    {
        var day = DateOnly.FromDateTime(start);
        return Clashes((doctorId, day)) || Clashes((doctorId, day.AddDays(-1)));

        bool Clashes((int, DateOnly) key) =>
            booked.TryGetValue(key, out var list) && list.Exists(b => AppointmentRules.Overlaps(b.Start, b.End, start, end));
    }

    private void Reserve(int doctorId, DateTime start, DateTime end)
    {
        var key = (doctorId, DateOnly.FromDateTime(start));
        if (!booked.TryGetValue(key, out var list))
        {
            booked[key] = list = [];
        }

        list.Add((start, end));
    }
}
