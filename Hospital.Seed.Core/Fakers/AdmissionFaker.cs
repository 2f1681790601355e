using Hospital.Data.Domain;
using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>
/// Inpatient stays: current admissions filling part of the beds and past ones, never two at once on a bed or for a
/// patient, each with its inpatient encounter, daily vitals and (once discharged) an invoice.
/// </summary>
internal sealed class AdmissionFaker(SeedContext context, VitalSignsFaker vitals, InvoiceFaker billing)
{
    private readonly Dictionary<int, List<(DateTime From, DateTime? To)>> bedTimeline = [];
    private static readonly string[] Reasons =
    [
        "Community-acquired pneumonia", "Exacerbation of heart failure", "Post-operative observation", "Chest pain for rule-out",
        "Cellulitis requiring IV antibiotics", "Diabetic ketoacidosis", "Hip fracture", "Acute kidney injury", "Dehydration",
        "Chemotherapy cycle", "Severe asthma attack", "Seizure observation",
    ];

    public int CurrentAdmissions { get; private set; }

    public void AddPast(Patient patient)
    {
        var age = context.AgeOn(patient.DateOfBirth, context.Today);
        var from = DateOnly.FromDateTime(patient.RegisteredAt);
        if (from > context.Today.AddDays(-20))
        {
            return;
        }

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var day = DateOnly.FromDayNumber(context.Random.Int(from.DayNumber, context.Today.AddDays(-15).DayNumber));
            var admittedAt = context.ToUtc(day, new TimeOnly(context.Random.Int(0, 23), context.Random.Int(0, 59)));
            var dischargedAt = admittedAt.AddHours(context.Random.Int(20, 24 * 10));
            var bed = FindBed(patient, age, admittedAt, dischargedAt);
            if (bed is null)
            {
                continue;
            }

            var admission = Admit(patient, bed, admittedAt);
            admission.DischargedAt = dischargedAt;
            admission.DischargeSummary = context.Pick(ClinicalCatalog.DischargeNotes);
            patient.Invoices.Add(billing.ForStay(patient, admission));
            AddInpatientRecord(patient, admission, dischargedAt);
            return;
        }
    }

    /// <summary>Admits the patient now (within the last days) when a suitable bed is free; returns whether it did.</summary>
    public bool TryAddCurrent(Patient patient)
    {
        var age = context.AgeOn(patient.DateOfBirth, context.Today);
        var admittedAt = context.Now.AddHours(-context.Random.Int(2, 24 * 8));
        if (admittedAt < patient.RegisteredAt || patient.Admissions.Exists(a => a.DischargedAt is null || a.DischargedAt > admittedAt))
        {
            return false;
        }

        var bed = FindBed(patient, age, admittedAt, null);
        if (bed is null)
        {
            return false;
        }

        var admission = Admit(patient, bed, admittedAt);
        AddInpatientRecord(patient, admission, context.Now);
        CurrentAdmissions++;
        return true;
    }

    /// <summary>Beds with an active admission are occupied; some of the rest are being cleaned or out of service.</summary>
    public void SetBedStatuses(IEnumerable<Bed> beds)
    {
        foreach (var bed in beds)
        {
            var occupied = bedTimeline.TryGetValue(bed.Id, out var stays) && stays.Exists(s => s.To is null);
            bed.Status = occupied ? BedStatus.Occupied
                : context.Random.WeightedRandom([BedStatus.Available, BedStatus.Cleaning, BedStatus.OutOfService], [0.86f, 0.1f, 0.04f]);
        }
    }

    private Admission Admit(Patient patient, Bed bed, DateTime admittedAt)
    {
        var ward = context.Wards.First(w => w.Id == bed.WardId);
        var specialtyName = ward.Department!.Name;
        var attending = context.Pick(context.DoctorsBySpecialty.TryGetValue(specialtyName, out var list) ? list : context.DoctorsBySpecialty["Internal Medicine"]);
        var admission = new Admission
        {
            Patient = patient,
            BedId = bed.Id,
            AttendingDoctorId = attending.Id,
            AdmittedAt = admittedAt,
            Reason = ward.Kind switch
            {
                WardKind.Maternity => "Labor and delivery",
                WardKind.Pediatric => context.Pick(new[] { "Bronchiolitis", "Dehydration", "Febrile seizure observation" }),
                WardKind.Psychiatric => "Acute psychiatric assessment",
                WardKind.Oncology => "Chemotherapy cycle",
                _ => context.Pick(Reasons),
            },
        };
        patient.Admissions.Add(admission);
        bedTimeline.TryAdd(bed.Id, []);
        bedTimeline[bed.Id].Add((admittedAt, null));
        return admission;
    }

    private void AddInpatientRecord(Patient patient, Admission admission, DateTime until)
    {
        // The bed's interval closes at discharge.
        var stays = bedTimeline[admission.BedId];
        stays[^1] = (admission.AdmittedAt, admission.DischargedAt);

        var encounter = new Encounter
        {
            Patient = patient,
            DoctorId = admission.AttendingDoctorId,
            Admission = admission,
            StartedAt = admission.AdmittedAt,
            EndedAt = admission.DischargedAt,
            ChiefComplaint = admission.Reason,
            Notes = $"Admitted for {admission.Reason.ToLowerInvariant()}. Daily review by the attending team.",
        };
        var ward = context.Wards.First(w => w.Beds.Exists(b => b.Id == admission.BedId));
        var nurses = context.Nurses.Where(n => n.WardId == ward.Id).ToList();
        for (var at = admission.AdmittedAt.AddHours(1); at < until; at = at.AddHours(context.Random.Int(8, 24)))
        {
            encounter.Vitals.Add(vitals.Generate(patient, at, context.Pick(nurses.Count > 0 ? nurses : context.Nurses).Id, unwell: at < admission.AdmittedAt.AddDays(1)));
        }

        patient.Encounters.Add(encounter);
    }

    private Bed? FindBed(Patient patient, int age, DateTime from, DateTime? to)
    {
        var wards = context.Wards.Where(w => Suits(w.Kind, patient, age)).ToList();
        if (wards.Count == 0)
        {
            return null;
        }

        var ward = context.Pick(wards);
        var start = context.Random.Int(0, ward.Beds.Count - 1);
        for (var i = 0; i < ward.Beds.Count; i++)
        {
            var bed = ward.Beds[(start + i) % ward.Beds.Count];
            if (!bedTimeline.TryGetValue(bed.Id, out var stays)
                || !stays.Exists(s => AppointmentRules.Overlaps(s.From, s.To ?? DateTime.MaxValue, from, to ?? DateTime.MaxValue)))
            {
                return bed;
            }
        }

        return null;
    }

    private static bool Suits(WardKind kind, Patient patient, int age) => kind switch
    {
        WardKind.Pediatric => age < 18,
        WardKind.Maternity => patient.Sex == Sex.Female && age is >= 16 and <= 46,
        _ => age >= 18,
    };
}
