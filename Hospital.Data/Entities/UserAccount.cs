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

    public static IReadOnlyList<string> All { get; } = [Admin, Doctor, Nurse, Receptionist, Patient];
}
