using Microsoft.AspNetCore.Identity;

namespace Hospital.Data.Entities;

/// <summary>A sign-in identity (ASP.NET Core Identity) linked to the staff member it belongs to.</summary>
public sealed class UserAccount : IdentityUser<int>
{
    public int? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

/// <summary>The roles the system knows. Names are stored in Identity's role table.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Doctor = "Doctor";
    public const string Nurse = "Nurse";
    public const string Receptionist = "Receptionist";
    public const string Patient = "Patient";

    /// <summary>Reads the schema and uses the IDE outside Development; no patient data by itself.</summary>
    public const string Analyst = "Analyst";

    /// <summary>The staff roles (who works in the hospital).</summary>
    public const string Staff = Admin + "," + Doctor + "," + Nurse + "," + Receptionist;

    public static IReadOnlyList<string> All { get; } = [Admin, Doctor, Nurse, Receptionist, Patient, Analyst];
}
