using Hospital.Data.Domain;
using Hospital.Data.Entities;

namespace Hospital.Data.Tests;

public sealed class DomainRulesTests
{
    [Theory]
    [InlineData(AppointmentStatus.Scheduled, AppointmentStatus.CheckedIn, true)]
    [InlineData(AppointmentStatus.CheckedIn, AppointmentStatus.InProgress, true)]
    [InlineData(AppointmentStatus.InProgress, AppointmentStatus.Completed, true)]
    [InlineData(AppointmentStatus.Scheduled, AppointmentStatus.Cancelled, true)]
    [InlineData(AppointmentStatus.Scheduled, AppointmentStatus.NoShow, true)]
    [InlineData(AppointmentStatus.CheckedIn, AppointmentStatus.Cancelled, true)]
    [InlineData(AppointmentStatus.Scheduled, AppointmentStatus.Completed, false)]
    [InlineData(AppointmentStatus.Scheduled, AppointmentStatus.InProgress, false)]
    [InlineData(AppointmentStatus.InProgress, AppointmentStatus.Cancelled, false)]
    [InlineData(AppointmentStatus.Completed, AppointmentStatus.Scheduled, false)]
    [InlineData(AppointmentStatus.Cancelled, AppointmentStatus.Scheduled, false)]
    [InlineData(AppointmentStatus.NoShow, AppointmentStatus.CheckedIn, false)]
    public void AppointmentTransition_FollowsTheLifeCycle(AppointmentStatus from, AppointmentStatus to, bool allowed) =>
        Assert.Equal(allowed, AppointmentRules.CanTransition(from, to));

    [Fact]
    public void WaitlistEntry_OffersAreDeclinedBackIntoLine_AcceptedOnce_AndRemovedWithAReason()
    {
        var at = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var entry = new WaitlistEntry { PatientId = 1, DoctorId = 2, Reason = "Sooner", CreatedAt = at };
        var appointment = new Appointment { Id = 7, PatientId = 1, DoctorId = 2, StartsAt = at.AddDays(1), EndsAt = at.AddDays(1).AddMinutes(20), Reason = "Sooner" };

        Assert.Throws<InvalidStatusTransitionException>(() => entry.Booked(appointment, at));
        Assert.Throws<InvalidStatusTransitionException>(() => entry.Decline());
        entry.Offer(2, appointment.StartsAt, appointment.EndsAt, at);
        Assert.Throws<InvalidStatusTransitionException>(() => entry.Offer(2, appointment.StartsAt, appointment.EndsAt, at));
        entry.Decline();
        Assert.Equal(WaitlistStatus.Waiting, entry.Status);
        Assert.Null(entry.OfferedStartsAt);
        entry.Offer(2, appointment.StartsAt, appointment.EndsAt, at);
        entry.Booked(appointment, at.AddMinutes(5));
        Assert.Equal((WaitlistStatus.Booked, 7), (entry.Status, entry.BookedAppointmentId!.Value));
        Assert.Throws<InvalidStatusTransitionException>(() => entry.Remove("Changed mind", at));

        var other = new WaitlistEntry { PatientId = 1, DepartmentId = 3, Reason = "Sooner", CreatedAt = at };
        Assert.Throws<ReasonRequiredException>(() => other.Remove(" ", at));
        other.Remove("Found another clinic", at);
        Assert.Equal((WaitlistStatus.Removed, "Found another clinic"), (other.Status, other.ClosedReason));
    }

    [Fact]
    public void AppointmentTransition_Invalid_ThrowsAndKeepsStatus()
    {
        var appointment = new Appointment { StartsAt = TestData.Monday9, EndsAt = TestData.Monday9.AddMinutes(30), Reason = "x" };

        var error = Assert.Throws<InvalidStatusTransitionException>(() => appointment.TransitionTo(AppointmentStatus.Completed, TestData.Monday9));

        Assert.Equal("Appointment cannot move from Scheduled to Completed.", error.Message);
        Assert.Equal(AppointmentStatus.Scheduled, appointment.Status);
    }

    [Fact]
    public void AppointmentCancel_WithoutReason_Throws()
    {
        var appointment = new Appointment { StartsAt = TestData.Monday9, EndsAt = TestData.Monday9.AddMinutes(30), Reason = "x" };

        Assert.Throws<ReasonRequiredException>(() => appointment.TransitionTo(AppointmentStatus.Cancelled, TestData.Monday9, "  "));
        appointment.TransitionTo(AppointmentStatus.Cancelled, TestData.Monday9, " Patient request ");

        Assert.Equal("Patient request", appointment.CancellationReason);
    }

    [Fact]
    public void AppointmentCheckInToComplete_RecordsEachInstant()
    {
        var appointment = new Appointment { StartsAt = TestData.Monday9, EndsAt = TestData.Monday9.AddMinutes(30), Reason = "x" };

        appointment.TransitionTo(AppointmentStatus.CheckedIn, TestData.Monday9.AddMinutes(-10));
        appointment.TransitionTo(AppointmentStatus.InProgress, TestData.Monday9);
        appointment.TransitionTo(AppointmentStatus.Completed, TestData.Monday9.AddMinutes(25));

        Assert.Equal(TestData.Monday9.AddMinutes(-10), appointment.CheckedInAt);
        Assert.Equal(TestData.Monday9, appointment.StartedAt);
        Assert.Equal(TestData.Monday9.AddMinutes(25), appointment.CompletedAt);
    }

    [Theory]
    [InlineData(0, 30, 30, 60, false)]
    [InlineData(0, 30, 29, 60, true)]
    [InlineData(0, 60, 15, 30, true)]
    [InlineData(30, 60, 0, 30, false)]
    public void Overlaps_TreatsIntervalsAsHalfOpen(int startA, int endA, int startB, int endB, bool expected)
    {
        var t = TestData.Monday9;
        Assert.Equal(expected, AppointmentRules.Overlaps(t.AddMinutes(startA), t.AddMinutes(endA), t.AddMinutes(startB), t.AddMinutes(endB)));
    }

    [Fact]
    public void WorkingHours_AreLocalToTheHospitalTimeZone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        WorkingHours[] hours = [new() { DayOfWeek = DayOfWeek.Monday, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(17, 0) }];

        // 08:00 UTC is 09:00 in Berlin in November (UTC+1): inside; 16:30 UTC is 17:30: outside.
        Assert.True(AppointmentRules.IsWithinWorkingHours(hours, [], TestData.Monday9.AddHours(-1), TestData.Monday9.AddMinutes(-30), berlin));
        Assert.False(AppointmentRules.IsWithinWorkingHours(hours, [], TestData.Monday9.AddHours(7.5), TestData.Monday9.AddHours(8), berlin));
        Assert.False(AppointmentRules.IsWithinWorkingHours(hours, [], TestData.Monday9.AddDays(1), TestData.Monday9.AddDays(1).AddMinutes(30), berlin));
    }

    [Fact]
    public void WorkingHours_TimeOffBlocksTheSlot()
    {
        WorkingHours[] hours = [new() { DayOfWeek = DayOfWeek.Monday, StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(16, 0) }];
        TimeOff[] off = [new() { StartsAt = TestData.Monday9.AddHours(-9), EndsAt = TestData.Monday9.AddDays(2) }];

        Assert.True(AppointmentRules.IsWithinWorkingHours(hours, [], TestData.Monday9, TestData.Monday9.AddMinutes(30), TimeZoneInfo.Utc));
        Assert.False(AppointmentRules.IsWithinWorkingHours(hours, off, TestData.Monday9, TestData.Monday9.AddMinutes(30), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("140", "135", "145", ResultFlag.Normal)]
    [InlineData("150", "135", "145", ResultFlag.Abnormal)]
    [InlineData("130", "135", "145", ResultFlag.Abnormal)]
    [InlineData("220", "135", "145", ResultFlag.Critical)]
    [InlineData("60", "135", "145", ResultFlag.Critical)]
    public void LabFlag_ComparesWithTheReferenceRange(string value, string low, string high, ResultFlag expected) =>
        Assert.Equal(expected, LabOrderRules.Flag(decimal.Parse(value), decimal.Parse(low), decimal.Parse(high)));

    [Fact]
    public void LabOrder_ResultedWithoutResults_IsRejected()
    {
        var order = new LabOrder { TestCode = "CBC", TestName = "Complete blood count", OrderedAt = TestData.Monday9 };
        order.TransitionTo(LabOrderStatus.Collected, TestData.Monday9);
        order.TransitionTo(LabOrderStatus.InProgress, TestData.Monday9);

        Assert.Throws<DomainValidationException>(() => order.TransitionTo(LabOrderStatus.Resulted, TestData.Monday9));
        Assert.Throws<InvalidStatusTransitionException>(() => order.TransitionTo(LabOrderStatus.Ordered, TestData.Monday9));
    }

    [Fact]
    public void Billing_PaymentsDriveStatusAndCannotExceedBalance()
    {
        var invoice = new Invoice { Number = "INV-2026-000001", CreatedAt = TestData.Monday9 };
        invoice.Lines.Add(new InvoiceLine { Description = "Consultation", Quantity = 1, UnitPrice = 120m });
        invoice.Lines.Add(new InvoiceLine { Description = "Lab", Quantity = 2, UnitPrice = 40.255m });

        BillingRules.Issue(invoice, TestData.Monday9, new DateOnly(2026, 12, 23));
        Assert.Equal(200.51m, invoice.Total);
        Assert.Equal(InvoiceStatus.Issued, invoice.Status);

        BillingRules.Pay(invoice, 100m, PaymentMethod.Insurance, "POL-1", TestData.Monday9);
        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
        Assert.Throws<PaymentExceedsBalanceException>(() => BillingRules.Pay(invoice, 100.52m, PaymentMethod.Card, null, TestData.Monday9));

        BillingRules.Pay(invoice, 100.51m, PaymentMethod.Card, null, TestData.Monday9);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(0m, invoice.Balance);
        Assert.Throws<InvalidStatusTransitionException>(() => BillingRules.Void(invoice, "test"));
    }

    [Fact]
    public void Billing_LinesChangeOnlyWhileDraft()
    {
        var invoice = new Invoice { Number = "INV-2026-000002", CreatedAt = TestData.Monday9 };
        var consultation = BillingRules.AddLine(invoice, " Consultation ", "CONS", 1, 120m);
        var lab = BillingRules.AddLine(invoice, "CBC", "", 2, 30m);
        Assert.Equal("Consultation", consultation.Description);
        Assert.Null(lab.Code);
        Assert.Equal(180m, invoice.Total);

        BillingRules.UpdateLine(invoice, lab, "CBC", "LAB-CBC", 1, 35m);
        Assert.Equal(155m, invoice.Total);
        Assert.Throws<DomainValidationException>(() => BillingRules.AddLine(invoice, "Free", null, 0, 1m));
        Assert.Throws<DomainValidationException>(() => BillingRules.AddLine(invoice, " ", null, 1, 1m));
        Assert.Throws<DomainValidationException>(() => BillingRules.UpdateLine(invoice, lab, "CBC", null, 1, -1m));
        Assert.Equal(155m, invoice.Total);

        BillingRules.RemoveLine(invoice, lab);
        Assert.Equal(120m, invoice.Total);

        BillingRules.Issue(invoice, TestData.Monday9, new DateOnly(2026, 12, 23));
        var error = Assert.Throws<InvalidStatusTransitionException>(() => BillingRules.AddLine(invoice, "X-ray", null, 1, 80m));
        Assert.Contains("only a draft", error.Message);
        Assert.Throws<InvalidStatusTransitionException>(() => BillingRules.RemoveLine(invoice, consultation));
        Assert.Equal(120m, invoice.Total);
    }

    [Fact]
    public void Billing_RefundsGiveBackAtMostWhatWasPaid_AndTheStatusFollows()
    {
        var invoice = new Invoice { Number = "INV-2026-000003", CreatedAt = TestData.Monday9 };
        BillingRules.AddLine(invoice, "Consultation", "CONS", 1, 100m);
        BillingRules.Issue(invoice, TestData.Monday9, new DateOnly(2026, 12, 23));
        var card = BillingRules.Pay(invoice, 60m, PaymentMethod.Card, "slip 1", TestData.Monday9);
        BillingRules.Pay(invoice, 40m, PaymentMethod.Cash, null, TestData.Monday9);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);

        Assert.Throws<ReasonRequiredException>(() => BillingRules.Refund(invoice, card, 10m, " ", TestData.Monday9));
        var tooMuch = Assert.Throws<RefundExceedsPaymentException>(() => BillingRules.Refund(invoice, card, 60.01m, "overcharged", TestData.Monday9));
        Assert.Equal(60m, tooMuch.Refundable);

        BillingRules.Refund(invoice, card, 25m, "overcharged", TestData.Monday9);
        Assert.Equal((75m, 25m, InvoiceStatus.PartiallyPaid), (invoice.AmountPaid, invoice.Balance, invoice.Status));
        Assert.Throws<RefundExceedsPaymentException>(() => BillingRules.Refund(invoice, card, 35.01m, "again", TestData.Monday9));
        Assert.Throws<InvalidStatusTransitionException>(() => BillingRules.Void(invoice, "wrong patient"));

        BillingRules.Refund(invoice, card, 35m, "wrong patient", TestData.Monday9);
        BillingRules.Refund(invoice, invoice.Payments[1], 40m, "wrong patient", TestData.Monday9);
        Assert.Equal((0m, InvoiceStatus.Issued), (invoice.AmountPaid, invoice.Status));
        Assert.Throws<ReasonRequiredException>(() => BillingRules.Void(invoice, ""));
        BillingRules.Void(invoice, "wrong patient");
        Assert.Equal((InvoiceStatus.Void, "wrong patient"), (invoice.Status, invoice.VoidReason));
        Assert.Throws<InvalidStatusTransitionException>(() => BillingRules.Refund(invoice, card, 1m, "late", TestData.Monday9));
    }

    [Fact]
    public void Validator_ReportsEachBrokenFieldRule()
    {
        var patient = new Patient
        {
            Mrn = "12345",
            FirstName = " ",
            LastName = "Doe",
            DateOfBirth = new DateOnly(2100, 1, 1),
            Sex = Sex.Unknown,
            Email = "not-an-email",
            Phone = "call me",
        };

        var errors = EntityValidator.Validate(patient, TestData.Monday9);

        Assert.Equal(
            [
                "Patient.Mrn: must look like MRN-0000000",
                "Patient.FirstName: is required",
                "Patient.DateOfBirth: must not be in the future",
                "Patient.Phone: is not a phone number",
                "Patient.Email: is not an email address",
            ],
            errors);
    }

    [Fact]
    public void Validator_RejectsImplausibleVitals()
    {
        var vitals = new VitalSigns { RecordedAt = TestData.Monday9, SystolicPressure = 80, DiastolicPressure = 90, OxygenSaturation = 101, TemperatureCelsius = 36.8m };

        var errors = EntityValidator.Validate(vitals, TestData.Monday9);

        Assert.Equal(["VitalSigns.DiastolicPressure: must be below the systolic pressure", "VitalSigns.OxygenSaturation: must be between 50 and 100"], errors);
    }
}
