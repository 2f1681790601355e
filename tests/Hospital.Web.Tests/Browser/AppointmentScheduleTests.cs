using System.Globalization;
using System.Text.RegularExpressions;
using Hospital.Data;
using Hospital.Web.Components;
using Hospital.Web.Components.Appointments;
using Hospital.Web.GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>
/// The appointments schedule: a day or a week per doctor or department, read through the API for the hospital's local
/// days. Expected values come from the same API (the seeded clinic of <see cref="HospitalWebApp.Today"/>), converted to
/// the hospital's zone here, independently of the page.
/// </summary>
public sealed class AppointmentScheduleTests(HospitalWebApp app)
{
    private const string Cards = "[data-testid=appointment]";
    private static readonly DateOnly Today = HospitalWebApp.Today;

    private TimeZoneInfo Zone => app.Services.GetRequiredService<HospitalDataOptions>().TimeZone;

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task Schedule_Opens_ShowsTodaysClinic_DayAndWeek_Accessibly(string viewport, int width, int height)
    {
        await using var ui = await UiSession.StartAsync(app, width, height);
        var expected = await ApiAppointmentsAsync(Today, 1);

        // Act
        await ui.GotoAsync("appointments");

        // Assert: today's whole clinic, every card with a time, a patient link, a reason and a status in words.
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Appointments", Level = 1 })).ToBeVisibleAsync();
        await Ready(ui, "2026-11-18/1");
        await Expect(ui.Page.GetByTestId("schedule-title")).ToContainTextAsync("Wednesday 18 November 2026");
        await Expect(ui.Page.Locator(Cards)).ToHaveCountAsync(expected.Count);
        var first = ui.Page.Locator(Cards).First;
        await Expect(first.Locator(".appt-time")).ToHaveTextAsync(new Regex(@"^\d\d:\d\d–\d\d:\d\d$"));
        await Expect(first.Locator("a.appt-patient")).ToHaveAttributeAsync("href", new Regex("^patients/"));
        await Expect(first).ToContainTextAsync(new Regex("Scheduled|Checked in|In progress|Completed|Cancelled|No-show"));
        await AssertFitsTheScreenAsync(ui, width);
        await ui.ScreenshotAsync($"appointments-day-{viewport}");
        await ui.AssertAccessibleAsync($"appointments day ({viewport})");

        await first.Locator(".appt-open").ClickAsync();
        await Expect(ui.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await ui.Page.WaitForTimeoutAsync(300); // the dialog's fade-in, for the screenshot only
        await ui.ScreenshotAsync($"appointments-details-{viewport}");
        await ui.AssertAccessibleAsync($"appointment details ({viewport})");
        await ui.Page.Keyboard.PressAsync("Escape");
        await Expect(ui.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Week", Exact = true }).ClickAsync();
        await Ready(ui, "2026-11-16/7");
        await Expect(ui.Page.GetByTestId("week-day")).ToHaveCountAsync(7);
        await AssertFitsTheScreenAsync(ui, width);
        await ui.ScreenshotAsync($"appointments-week-{viewport}");
        await ui.AssertAccessibleAsync($"appointments week ({viewport})");
        Assert.Empty(ui.Errors);
    }

    [Theory]
    [InlineData("day")]
    [InlineData("week")]
    public async Task DarkTheme_KeepsContrast(string view)
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        // Act
        await ui.GotoAsync($"appointments?view={view}&date=2026-11-18");

        // Assert
        await Expect(ui.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Ready(ui, view == "day" ? "2026-11-18/1" : "2026-11-16/7");
        await Expect(ui.Page.Locator(Cards).First).ToBeVisibleAsync();
        await ui.ScreenshotAsync($"appointments-{view}-dark");
        await ui.AssertAccessibleAsync($"appointments {view} (dark)");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task PickingADoctor_ShowsThatDoctorsDay_AtLocalTimes_AndTheAddressRestoresIt()
    {
        await using var ui = await UiSession.StartAsync(app);
        var busiest = (await ApiAppointmentsAsync(Today, 1)).GroupBy(a => a.Doctor.Id).OrderByDescending(g => g.Count()).First();
        var doctor = busiest.First().Doctor;
        var expected = busiest.OrderBy(a => a.StartsAt).Select(a => (Local(a.StartsAt), a.Patient.FullName)).ToList();
        await ui.GotoAsync("appointments");
        await Ready(ui, "2026-11-18/1");

        // Act: the doctor picker is searchable.
        await PickAsync(ui, "Doctor", doctor.FullName);

        // Assert: only that doctor's appointments, at the hospital's local times, in order.
        await Expect(ui.Page).ToHaveURLAsync(new Regex("[?&]doctor="));
        await Ready(ui, "2026-11-18/1");
        await Expect(ui.Page.Locator(Cards)).ToHaveCountAsync(expected.Count);
        Assert.Equal(expected, await ShownAsync(ui));
        await Expect(ui.Page.Locator(".page-subtitle")).ToContainTextAsync($"Dr {doctor.FullName}");
        await Expect(ui.Page.GetByTestId("schedule-announcement")).ToHaveTextAsync(new Regex($"^Wednesday 18 November 2026: {expected.Count} appointments? · "));
        Assert.Contains("view=day", ui.Page.Url, StringComparison.Ordinal);
        Assert.Contains("date=2026-11-18", ui.Page.Url, StringComparison.Ordinal);

        // A reload (or a bookmark) shows the same schedule.
        await ui.Page.ReloadAsync();
        await Ready(ui, "2026-11-18/1");
        Assert.Equal(expected, await ShownAsync(ui));
        await Expect(ui.Page.GetByRole(AriaRole.Combobox, new() { Name = $"Doctor {doctor.FullName}" })).ToBeVisibleAsync();
        await ui.ScreenshotAsync("appointments-doctor-desktop");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task PickingADepartment_ShowsOnlyItsDoctorsAppointments_AndNarrowsTheDoctorPicker()
    {
        await using var ui = await UiSession.StartAsync(app);
        var today = await ApiAppointmentsAsync(Today, 1);
        var department = today.Where(a => a.Doctor.Department is not null)
            .GroupBy(a => a.Doctor.Department!.Name).OrderByDescending(g => g.Count()).First();
        await ui.GotoAsync("appointments");
        await Ready(ui, "2026-11-18/1");

        // Act
        await PickAsync(ui, "Department", department.Key);

        // Assert: the department's appointments of the day, each card naming its doctor.
        await Expect(ui.Page).ToHaveURLAsync(new Regex("[?&]department="));
        await Ready(ui, "2026-11-18/1");
        await Expect(ui.Page.Locator(Cards)).ToHaveCountAsync(department.Count());
        var doctors = department.Select(a => "Dr " + a.Doctor.FullName).ToHashSet();
        Assert.All(await ui.Page.Locator($"{Cards} .appt-doctor").AllInnerTextsAsync(), d => Assert.Contains(d, doctors));
        await Expect(ui.Page.Locator(".page-subtitle")).ToHaveTextAsync($"{department.Key} · all doctors");

        // The doctor picker now offers that department's doctors only.
        await ui.Page.Locator(".schedule-filters .rz-dropdown").Nth(1).ClickAsync();
        var items = ui.Page.Locator(".rz-dropdown-panel:visible .rz-dropdown-item .picker-name");
        await Expect(items.First).ToBeVisibleAsync(); // reading the texts does not wait for the panel to open
        var offered = await items.AllInnerTextsAsync();
        Assert.NotEmpty(offered);
        Assert.Superset(doctors, offered.Select(n => "Dr " + n).ToHashSet());
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task WeekView_ShowsTheSevenDaysOfTheWeek_WithMoreAppointmentsThanTheDay()
    {
        await using var ui = await UiSession.StartAsync(app);
        var week = await ApiAppointmentsAsync(new DateOnly(2026, 11, 16), 7);
        await ui.GotoAsync("appointments?date=2026-11-18");
        await Ready(ui, "2026-11-18/1");
        var day = await ui.Page.Locator(Cards).CountAsync();

        // Act
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Week", Exact = true }).ClickAsync();

        // Assert: Monday to Sunday around the day, each day's appointments under its own heading.
        await Ready(ui, "2026-11-16/7");
        await Expect(ui.Page.GetByTestId("schedule-title")).ToContainTextAsync("16 – 22 November 2026");
        await Expect(ui.Page.GetByTestId("week-day")).ToHaveCountAsync(7);
        await Expect(ui.Page.GetByTestId("week-day").First.Locator("h3")).ToContainTextAsync("Mon");
        await Expect(ui.Page.GetByTestId("week-day").Last.Locator("h3")).ToContainTextAsync("Sun");
        await Expect(ui.Page.Locator(Cards)).ToHaveCountAsync(week.Count);
        Assert.True(week.Count > day, $"the week ({week.Count}) has more appointments than the day ({day})");
        foreach (var group in week.GroupBy(a => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.StartsAt, Zone).DateTime)))
        {
            var column = ui.Page.Locator($"[data-testid=week-day][data-date=\"{group.Key:yyyy-MM-dd}\"] {Cards}");
            await Expect(column).ToHaveCountAsync(group.Count());
        }

        Assert.Contains("view=week", ui.Page.Url, StringComparison.Ordinal);

        // A day's heading opens that day.
        await ui.Page.GetByTestId("week-day").Nth(1).Locator("h3 button").ClickAsync();
        await Ready(ui, "2026-11-17/1");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task PreviousNextAndToday_MoveTheRange_AndKeepTheKeyboardOnTheButton()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("appointments");
        await Ready(ui, "2026-11-18/1");
        var next = ui.Page.GetByRole(AriaRole.Button, new() { Name = "Next day" });

        // Act: forward by keyboard.
        await next.FocusAsync();
        await ui.Page.Keyboard.PressAsync("Enter");

        // Assert
        await Ready(ui, "2026-11-19/1");
        await Expect(ui.Page.GetByTestId("schedule-title")).ToContainTextAsync("Thursday 19 November 2026");
        Assert.Contains("date=2026-11-19", ui.Page.Url, StringComparison.Ordinal);
        await Expect(next).ToBeFocusedAsync();
        Assert.Equal(await ApiCountAsync(new DateOnly(2026, 11, 19), 1), await ui.Page.Locator(Cards).CountAsync());

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Previous day" }).ClickAsync();
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Previous day" }).ClickAsync();
        await Ready(ui, "2026-11-17/1");
        await Expect(ui.Page.GetByTestId("schedule-title")).ToContainTextAsync("Tuesday 17 November 2026");

        // Weeks step by seven days; Today comes back to the week of today.
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Week", Exact = true }).ClickAsync();
        await Ready(ui, "2026-11-16/7");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        await Ready(ui, "2026-11-23/7");
        await Expect(ui.Page.GetByTestId("schedule-title")).ToContainTextAsync("23 – 29 November 2026");
        Assert.Equal(await ApiCountAsync(new DateOnly(2026, 11, 23), 7), await ui.Page.Locator(Cards).CountAsync());
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Today", Exact = true }).ClickAsync();
        await Ready(ui, "2026-11-16/7");

        // The browser's Back goes to the previous range: every step is an address.
        await ui.Page.GoBackAsync();
        await Ready(ui, "2026-11-23/7");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task ADoctorWithoutAppointmentsThatDay_ShowsTheEmptyState()
    {
        await using var ui = await UiSession.StartAsync(app);
        var doctor = await BusiestDoctorAsync();
        // A day in the seeded fortnight ahead on which this doctor has nothing booked (a day off or a weekend).
        DateOnly? free = null;
        for (var day = Today.AddDays(1); day < Today.AddDays(15) && free is null; day = day.AddDays(1))
        {
            if (await ApiCountAsync(day, 1, doctor.Id) == 0)
            {
                free = day;
            }
        }

        Assert.NotNull(free);
        var date = free.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Act
        await ui.GotoAsync($"appointments?doctor={Uri.EscapeDataString(doctor.Id)}&view=day&date={date}");

        // Assert: the message names the doctor and the day, and offers the way on.
        await Ready(ui, $"{date}/1");
        var dayText = free.Value.ToString("dddd d MMM", CultureInfo.InvariantCulture);
        await Expect(ui.Page.GetByTestId("schedule-empty")).ToContainTextAsync($"No appointments for Dr {doctor.FullName} on {dayText}.");
        await Expect(ui.Page.GetByRole(AriaRole.Button, new() { Name = "Show the week" })).ToBeVisibleAsync();
        await Expect(ui.Page.Locator(Cards)).ToHaveCountAsync(0);
        await ui.ScreenshotAsync("appointments-empty-desktop");
        await ui.AssertAccessibleAsync("appointments empty day");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Details_OpenFromTheKeyboard_CloseWithEscape_AndFocusReturnsToTheCard()
    {
        await using var ui = await UiSession.StartAsync(app);
        var doctor = await BusiestDoctorAsync();
        await ui.GotoAsync($"appointments?doctor={Uri.EscapeDataString(doctor.Id)}&view=day&date=2026-11-18");
        await Ready(ui, "2026-11-18/1");
        var card = ui.Page.Locator(Cards).First;
        var time = await card.Locator(".appt-time").InnerTextAsync();
        var patient = await card.Locator(".appt-patient").InnerTextAsync();

        // Act: Tab from the view switch reaches the first appointment; Enter opens it.
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Week", Exact = true }).FocusAsync();
        for (var i = 0; i < 5 && !await card.Locator(".appt-open").EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await ui.Page.Keyboard.PressAsync("Tab");
        }

        await Expect(card.Locator(".appt-open")).ToBeFocusedAsync();
        await ui.Page.Keyboard.PressAsync("Enter");

        // Assert: the full details, in a dialog named after the appointment.
        var dialog = ui.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("details-when")).ToHaveTextAsync($"Wednesday 18 November 2026, {time}");
        await Expect(dialog).ToContainTextAsync(patient);
        await Expect(dialog).ToContainTextAsync($"Dr {doctor.FullName}");
        await Expect(dialog).ToContainTextAsync("Reason");
        await Expect(dialog.GetByRole(AriaRole.Link, new() { Name = $"Open {patient}’s chart" })).ToBeVisibleAsync();
        await ui.Page.WaitForTimeoutAsync(300); // the dialog's fade-in, for the screenshot only
        await ui.ScreenshotAsync("appointments-details-desktop");
        await ui.AssertAccessibleAsync("appointment details");

        await ui.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(card.Locator(".appt-open")).ToBeFocusedAsync();
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task ChartLinks_InTheDetailsAndOnTheCard_OpenThePatientsChart()
    {
        await using var ui = await UiSession.StartAsync(app);
        var appointment = (await ApiAppointmentsAsync(Today, 1)).First();
        await ui.GotoAsync($"appointments?doctor={Uri.EscapeDataString(appointment.Doctor.Id)}&date=2026-11-18");
        await Ready(ui, "2026-11-18/1");
        var card = ui.Page.Locator($"{Cards}:has(a.appt-patient:text-is(\"{appointment.Patient.FullName}\"))").First;

        // Act: a click anywhere on the card (here on its reason, under the card's stretched button) opens the details;
        // their chart link goes to the chart.
        await card.Locator(".appt-reason").ClickAsync(new() { Force = true });
        await ui.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Link, new() { Name = $"Open {appointment.Patient.FullName}’s chart" }).ClickAsync();

        // Assert
        await ui.Page.WaitForURLAsync(new Regex("/patients/[^/]+$"));
        await Expect(ui.Page.GetByTestId("chart-mrn")).ToHaveTextAsync(appointment.Patient.Mrn);
        await Expect(ui.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        // The patient's name on the card is a link of its own.
        await ui.Page.GoBackAsync();
        await Ready(ui, "2026-11-18/1");
        await card.Locator("a.appt-patient").ClickAsync();
        await ui.Page.WaitForURLAsync(new Regex("/patients/[^/]+$"));
        await Expect(ui.Page.GetByTestId("chart-mrn")).ToHaveTextAsync(appointment.Patient.Mrn);
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task AnUnknownDoctorInTheAddress_ShowsTheApisErrorWithRetry()
    {
        await using var ui = await UiSession.StartAsync(app);

        // Act
        await ui.GotoAsync("appointments?doctor=not-a-doctor&date=2026-11-18");

        // Assert: the API's own message, a way to try again, no stack trace.
        await Expect(ui.Page.Locator("[data-state=error]")).ToBeVisibleAsync();
        var message = await ui.Page.GetByTestId("schedule-error").InnerTextAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(message);
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        await Expect(ui.Page.Locator(".schedule-error")).ToContainTextAsync("Appointments could not be loaded.");
        var retry = ui.Page.GetByRole(AriaRole.Button, new() { Name = "Retry" });
        await Expect(retry).ToBeVisibleAsync();
        await ui.ScreenshotAsync("appointments-error-desktop");
        await ui.AssertAccessibleAsync("appointments error");

        await retry.ClickAsync();
        await Expect(ui.Page.Locator("[data-state=error]")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task Loading_SaysWhatIsComing_ThenShowsIt(string viewport, int width, int height)
    {
        await using var ui = await UiSession.StartAsync(app, width, height);
        await ui.GotoAsync("appointments?view=week&date=2026-11-18");
        await Ready(ui, "2026-11-16/7");

        // The in-process API answers within milliseconds: to see the loading state, the app's reads of appointments
        // wait until the test lets them through.
        app.Gate.Close("FROM \"appointments\"");
        try
        {
            // Act
            await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();

            // Assert: a status in words (announced politely) over a skeleton of the week, then the week itself.
            const string Text = "Loading appointments for all departments in the week of 23 Nov…";
            await Expect(ui.Page.Locator(".schedule-loading")).ToHaveTextAsync(Text);
            await Expect(ui.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Loading appointments" })).ToHaveTextAsync(Text);
            await Expect(ui.Page.Locator(".schedule-body")).ToHaveAttributeAsync("aria-busy", "true");
            await Expect(ui.Page.GetByTestId("schedule-title")).ToContainTextAsync("23 – 29 November 2026");
            await ui.ScreenshotAsync($"appointments-loading-{viewport}");
            await ui.AssertAccessibleAsync($"appointments loading ({viewport})");
        }
        finally
        {
            app.Gate.Open();
        }

        await Ready(ui, "2026-11-23/7");
        await Expect(ui.Page.GetByTestId("week-day")).ToHaveCountAsync(7);
        await Expect(ui.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "23 – 29 November 2026: " })).ToHaveCountAsync(1);
        Assert.Empty(ui.Errors);
    }

    [Theory]
    [InlineData("2026-11-18", "Day", "2026-11-18", 1)]
    [InlineData("2026-11-18", "Week", "2026-11-16", 7)]
    [InlineData("2026-11-16", "Week", "2026-11-16", 7)]
    [InlineData("2026-11-22", "Week", "2026-11-16", 7)]
    public void Range_DayIsTheDate_WeekRunsMondayToSunday(string date, string view, string first, int days)
    {
        var range = ScheduleRange.For(Enum.Parse<ScheduleView>(view), DateOnly.Parse(date, CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(first, CultureInfo.InvariantCulture), range.First);
        Assert.Equal(days, range.Days);
    }

    [Fact]
    public void Range_InTheHospitalsZone_IsLocalMidnightToLocalMidnight_AcrossAClockChange()
    {
        // Berlin leaves summer time on Sunday 25 October 2026: the week the schedule asks for is 169 hours long.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var time = new HospitalTime(new HospitalDataOptions(DatabaseProvider.Sqlite, "Data Source=:memory:", berlin), TimeProvider.System);
        var week = ScheduleRange.For(ScheduleView.Week, new DateOnly(2026, 10, 21));

        var (from, to) = time.Range(week.First, week.End);

        Assert.Equal(new DateTimeOffset(2026, 10, 18, 22, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), to);
        Assert.Equal(TimeSpan.FromHours(169), to - from);
        Assert.Equal("19 – 25 October 2026", week.Title);
        Assert.Equal("30 November – 6 December 2026", ScheduleRange.For(ScheduleView.Week, new DateOnly(2026, 12, 1)).Title);
        Assert.Equal("28 December 2026 – 3 January 2027", ScheduleRange.For(ScheduleView.Week, new DateOnly(2027, 1, 1)).Title);
    }

    private static Task Ready(UiSession ui, string range) =>
        ui.Page.Locator($".schedule-body[data-state=ready][data-range=\"{range}\"]").WaitForAsync();

    /// <summary>Chooses in a searchable picker from the keyboard: focus, Enter opens it, type to narrow, Enter on the match.</summary>
    private static async Task PickAsync(UiSession ui, string label, string text)
    {
        var picker = ui.Page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex($"^{label} ") });
        await picker.FocusAsync();
        await ui.Page.Keyboard.PressAsync("Enter");
        var search = ui.Page.GetByRole(AriaRole.Combobox, new() { Name = $"Search {label.ToLowerInvariant()}s", Exact = false });
        await Expect(search).ToBeFocusedAsync();
        await ui.Page.Keyboard.TypeAsync(text, new() { Delay = 20 });
        await Expect(ui.Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await ui.Page.Keyboard.PressAsync("ArrowDown");
        await ui.Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The cards' start times and patients, top to bottom.</summary>
    private static async Task<List<(string Time, string Patient)>> ShownAsync(UiSession ui)
    {
        var cards = ui.Page.Locator(Cards);
        var shown = new List<(string, string)>();
        for (var i = 0; i < await cards.CountAsync(); i++)
        {
            var time = await cards.Nth(i).Locator(".appt-time").InnerTextAsync();
            shown.Add((time[..5], await cards.Nth(i).Locator(".appt-patient").InnerTextAsync()));
        }

        return shown;
    }

    private static async Task AssertFitsTheScreenAsync(UiSession ui, int width)
    {
        if (width < 500)
        {
            Assert.True(await ui.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        }
    }

    /// <summary>An instant as the hospital's wall clock shows it: "09:30".</summary>
    private string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private async Task<(string Id, string FullName)> BusiestDoctorAsync()
    {
        var doctor = (await ApiAppointmentsAsync(Today, 1)).GroupBy(a => a.Doctor.Id).OrderByDescending(g => g.Count()).First().First().Doctor;
        return (doctor.Id, doctor.FullName);
    }

    private async Task<int> ApiCountAsync(DateOnly first, int days, string? doctorId = null) => (await ApiAppointmentsAsync(first, days, doctorId)).Count;

    /// <summary>The API's appointments overlapping the hospital-local days [first, first + days).</summary>
    private async Task<IReadOnlyList<IScheduledAppointment>> ApiAppointmentsAsync(DateOnly first, int days, string? doctorId = null)
    {
        await using var scope = app.SignedInScope("Receptionist");
        var query = scope.ServiceProvider.GetRequiredService<IGetAppointmentScheduleQuery>();
        var from = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), Zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(first.AddDays(days).ToDateTime(TimeOnly.MinValue), Zone);
        var result = await query.ExecuteAsync(new DateTimeOffset(from), new DateTimeOffset(to), doctorId: doctorId, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(result.Errors);
        return result.Data!.Appointments.Nodes ?? [];
    }
}
