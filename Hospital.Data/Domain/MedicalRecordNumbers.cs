using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Data.Domain;

/// <summary>
/// Gives a new patient the next medical record number and saves it. Two registrations at once may pick the same
/// number: the unique index on <c>mrn</c> refuses the second insert, and that one takes the next number and tries again.
/// </summary>
public static class MedicalRecordNumbers
{
    private const int Attempts = 20;

    public static async Task RegisterAsync(HospitalDbContext db, Patient patient, CancellationToken cancellationToken)
    {
        db.Patients.Add(patient);
        for (var attempt = 1; ; attempt++)
        {
            // MRN-0000000 has a fixed width, so the greatest string is the greatest number.
            var last = await db.Patients.AsNoTracking().MaxAsync(p => (string?)p.Mrn, cancellationToken);
            var next = last is null ? 1 : int.Parse(last.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) + 1;
            patient.Mrn = EntityValidator.FormatMrn(next);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                if (!await TakenAsync(db, patient.Mrn, cancellationToken))
                {
                    throw;
                }

                // Someone registered with this number between our read and our insert: wait a moment, take the next.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }

    private static Task<bool> TakenAsync(HospitalDbContext db, string mrn, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().AnyAsync(p => p.Mrn == mrn, cancellationToken);
}
