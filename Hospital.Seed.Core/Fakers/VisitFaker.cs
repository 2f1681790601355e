using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>
/// A patient's outpatient history and bookings: past appointments completed into encounters with vitals,
/// prescriptions, labs and invoices; today's clinic in its various states; future appointments.
/// </summary>
internal sealed class VisitFaker(SeedContext context, ScheduleBook book, VitalSignsFaker vitals, LabOrderFaker labs, InvoiceFaker billing)
{
    private static readonly string[] CancelReasons = ["Patient request", "Feeling better", "Doctor unavailable", "Transport problem", "Rescheduled by phone"];

    public void AddHistory(Patient patient)
    {
        var age = context.AgeOn(patient.DateOfBirth, context.Today);
        var visits = Math.Min(8, 1 + patient.Conditions.Count + context.Random.Int(0, 2) + (age > 65 ? 1 : 0));
        var earliest = DateOnly.FromDateTime(patient.RegisteredAt);
        var threeYears = context.Today.AddYears(-3);
        var from = earliest > threeYears ? earliest : threeYears;
        var to = context.Today.AddDays(-1);
        if (from > to)
        {
            return;
        }

        // Book first, then play the visits in date order so renewals supersede older prescriptions.
        var booked = new List<(Doctor Doctor, (DateTime Start, DateTime End) Slot, string Specialty, string Reason)>();
        for (var i = 0; i < visits; i++)
        {
            var (specialty, reason) = ChooseVisit(patient, age);
            var doctor = context.Pick(context.DoctorsBySpecialty[specialty]);
            if (book.Book(doctor, from, to, Minutes()) is { } slot)
            {
                booked.Add((doctor, slot, specialty, reason));
            }
        }

        foreach (var (doctor, slot, specialty, reason) in booked.OrderBy(b => b.Slot.Start))
        {
            var appointment = NewAppointment(patient, doctor, slot, reason);
            var roll = context.Random.Double();
            if (roll < 0.05)
            {
                appointment.TransitionTo(AppointmentStatus.Cancelled, slot.Start.AddDays(-context.Random.Int(1, 5)), context.Pick(CancelReasons));
            }
            else if (roll < 0.08)
            {
                appointment.TransitionTo(AppointmentStatus.NoShow, slot.End, "Patient did not attend");
            }
            else
            {
                Complete(patient, doctor, appointment, slot, specialty);
            }
        }
    }

    /// <summary>Some patients are in today's clinic: seen this morning, being seen, waiting, or due this afternoon.</summary>
    public void AddToday(Patient patient)
    {
        var age = context.AgeOn(patient.DateOfBirth, context.Today);
        var (specialty, reason) = ChooseVisit(patient, age);
        var doctor = context.Pick(context.DoctorsBySpecialty[specialty]);
        if (book.Book(doctor, context.Today, context.Today, Minutes()) is not { } slot)
        {
            return;
        }

        var appointment = NewAppointment(patient, doctor, slot, reason);
        var now = context.Now;
        if (slot.End <= now)
        {
            if (context.Chance(0.06))
            {
                appointment.TransitionTo(AppointmentStatus.NoShow, slot.End, "Patient did not attend");
            }
            else
            {
                Complete(patient, doctor, appointment, slot, specialty);
            }
        }
        else if (slot.Start <= now)
        {
            appointment.TransitionTo(AppointmentStatus.CheckedIn, slot.Start.AddMinutes(-10));
            appointment.TransitionTo(AppointmentStatus.InProgress, slot.Start);
        }
        else if (slot.Start <= now.AddMinutes(45) && context.Chance(0.7))
        {
            appointment.TransitionTo(AppointmentStatus.CheckedIn, now.AddMinutes(-context.Random.Int(1, 20)));
        }
    }

    public void AddFuture(Patient patient)
    {
        var age = context.AgeOn(patient.DateOfBirth, context.Today);
        var (specialty, reason) = ChooseVisit(patient, age);
        var doctor = context.Pick(context.DoctorsBySpecialty[specialty]);
        if (book.Book(doctor, context.Today.AddDays(1), context.Today.AddDays(42), Minutes()) is { } slot)
        {
            NewAppointment(patient, doctor, slot, reason);
        }
    }

    private Appointment NewAppointment(Patient patient, Doctor doctor, (DateTime Start, DateTime End) slot, string reason)
    {
        var booked = slot.Start.AddDays(-context.Random.Int(1, 30));
        var appointment = new Appointment
        {
            Patient = patient,
            DoctorId = doctor.Id,
            StartsAt = slot.Start,
            EndsAt = slot.End,
            Reason = reason,
            CreatedAt = booked < patient.RegisteredAt ? patient.RegisteredAt : booked,
        };
        patient.Appointments.Add(appointment);
        return appointment;
    }

    private void Complete(Patient patient, Doctor doctor, Appointment appointment, (DateTime Start, DateTime End) slot, string specialty)
    {
        appointment.TransitionTo(AppointmentStatus.CheckedIn, slot.Start.AddMinutes(-context.Random.Int(5, 25)));
        appointment.TransitionTo(AppointmentStatus.InProgress, slot.Start);
        appointment.TransitionTo(AppointmentStatus.Completed, slot.End);

        var info = ClinicalCatalog.Specialties.First(s => s.Name == specialty);
        var chronic = patient.Conditions.Where(c => ClinicalCatalog.Conditions.Any(k => k.IcdCode == c.IcdCode && k.Specialty == specialty)).ToList();
        var encounter = new Encounter
        {
            Patient = patient,
            DoctorId = doctor.Id,
            Appointment = appointment,
            StartedAt = slot.Start,
            EndedAt = slot.End,
            ChiefComplaint = appointment.Reason,
        };
        if (chronic.Count > 0 && context.Chance(0.7))
        {
            var condition = context.Pick(chronic);
            encounter.Diagnoses.Add(new Diagnosis { IcdCode = condition.IcdCode, Description = condition.Description, IsPrimary = true });
        }
        else
        {
            var code = context.Pick(info.DiagnosisCodes);
            encounter.Diagnoses.Add(new Diagnosis { IcdCode = code, Description = ClinicalCatalog.DiagnosisNames[code], IsPrimary = true });
        }

        if (context.Chance(0.3))
        {
            var code = context.Pick(info.DiagnosisCodes);
            if (!encounter.Diagnoses.Exists(d => d.IcdCode == code))
            {
                encounter.Diagnoses.Add(new Diagnosis { IcdCode = code, Description = ClinicalCatalog.DiagnosisNames[code], IsPrimary = false });
            }
        }

        var nurseId = context.Pick(context.Nurses).Id;
        var unwell = info.Name is "Emergency Medicine" || appointment.Reason is "Fever" or "Cough" or "Sore throat";
        var vital = vitals.Generate(patient, slot.Start.AddMinutes(-5), nurseId, unwell);
        encounter.Vitals.Add(vital);

        AddPrescriptions(patient, doctor, encounter, chronic, slot.End);

        var orders = new List<LabOrder>();
        if (context.Chance(0.45))
        {
            var panel = labs.ChoosePanel(patient, specialty);
            var priority = specialty == "Emergency Medicine" ? LabPriority.Stat : context.Chance(0.1) ? LabPriority.Urgent : LabPriority.Routine;
            var order = labs.Generate(patient, encounter, doctor.Id, nurseId, panel, slot.Start.AddMinutes(context.Random.Int(5, 25)), priority);
            encounter.LabOrders.Add(order);
            orders.Add(order);
        }

        var followUpWeeks = context.Random.Int(2, 12);
        encounter.Notes = $"{appointment.Reason}. Examined; findings consistent with {encounter.Diagnoses[0].Description.ToLowerInvariant()}. Plan discussed with patient.";
        encounter.FollowUp = chronic.Count > 0 ? $"Review in {followUpWeeks} weeks with repeat observations." : "Return if symptoms persist or worsen.";
        encounter.FollowUpDate = chronic.Count > 0 ? DateOnly.FromDateTime(slot.End).AddDays(followUpWeeks * 7) : null;
        patient.Encounters.Add(encounter);
        patient.Invoices.Add(billing.ForVisit(patient, encounter, doctor.ConsultationFee, orders));
    }

    private void AddPrescriptions(Patient patient, Doctor doctor, Encounter encounter, List<Condition> chronic, DateTime at)
    {
        foreach (var condition in chronic)
        {
            var name = ClinicalCatalog.Conditions.First(c => c.IcdCode == condition.IcdCode).Medication;
            if (name is null || condition.Status == ConditionStatus.Resolved || !context.Chance(0.6))
            {
                continue;
            }

            // A renewal supersedes the previous prescription of the same drug.
            foreach (var earlier in patient.Prescriptions.Where(p => p.Medication == name && p.Status == PrescriptionStatus.Active))
            {
                earlier.Status = PrescriptionStatus.Completed;
            }

            encounter.Prescriptions.Add(Prescription(patient, doctor, ClinicalCatalog.Medications[name], at, PrescriptionStatus.Active));
        }

        if (context.Chance(0.3))
        {
            var medication = ClinicalCatalog.Medications[context.Pick(ClinicalCatalog.AcuteMedications)];
            if (patient.Allergies.Exists(a => a.Substance == medication.Name))
            {
                return;
            }

            var finished = at.AddDays(medication.DurationDays ?? 7) < context.Now;
            encounter.Prescriptions.Add(Prescription(patient, doctor, medication, at, finished ? PrescriptionStatus.Completed : PrescriptionStatus.Active));
        }
    }

    private Prescription Prescription(Patient patient, Doctor doctor, ClinicalCatalog.MedicationInfo medication, DateTime at, PrescriptionStatus status)
    {
        var prescription = new Prescription
        {
            Patient = patient,
            PrescriberId = doctor.Id,
            Medication = medication.Name,
            Dose = medication.Dose,
            Route = medication.Route,
            Frequency = medication.Frequency,
            DurationDays = medication.DurationDays ?? 90,
            Refills = medication.Chronic ? context.Random.Int(1, 5) : 0,
            Status = status,
            PrescribedAt = at,
        };
        patient.Prescriptions.Add(prescription);
        return prescription;
    }

    private (string Specialty, string Reason) ChooseVisit(Patient patient, int age)
    {
        if (patient.Conditions.Count > 0 && context.Chance(0.55))
        {
            var condition = context.Pick(patient.Conditions);
            var specialty = age < 18 ? "Pediatrics" : ClinicalCatalog.Conditions.First(c => c.IcdCode == condition.IcdCode).Specialty;
            return (specialty, $"{condition.Description} follow-up");
        }

        string name;
        if (age < 18)
        {
            name = context.Chance(0.75) ? "Pediatrics" : context.Pick(new[] { "Emergency Medicine", "Dermatology", "ENT", "Ophthalmology" });
        }
        else
        {
            do
            {
                name = context.Chance(0.35) ? "Internal Medicine" : context.Pick(ClinicalCatalog.Specialties).Name;
            }
            while (name == "Pediatrics" || (name == "Gynecology" && patient.Sex != Sex.Female));
        }

        var info = ClinicalCatalog.Specialties.First(s => s.Name == name);
        var reason = context.Pick(info.Complaints);
        if (reason == "Prenatal visit" && (age > 45 || age < 16))
        {
            reason = "Annual exam";
        }

        return (name, reason);
    }

    private int Minutes() => context.Random.WeightedRandom([15, 20, 30], [0.3f, 0.3f, 0.4f]);
}
