using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Data;

/// <summary>
/// The ASP.NET Core data protection key ring in the <c>data_protection_keys</c> table: sign-in cookies, antiforgery
/// tokens and Blazor circuits protected by one instance are readable by every instance on the same database, and after
/// a restart. (The package's own repository resolves a scoped context; this app has only the pooled factory.)
/// </summary>
public sealed class KeyRing(IDbContextFactory<HospitalDbContext> factory) : IXmlRepository
{
    /// <summary>The application name every host shares, so their protectors agree whatever their content root.</summary>
    public const string ApplicationName = "Hospital";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = factory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Where(xml => !string.IsNullOrEmpty(xml))
            .Select(xml => XElement.Parse(xml!))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = factory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    /// <summary>Registers data protection with its keys in the database.</summary>
    /// <param name="services">The services of a host that has the data services.</param>
    internal static void Register(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDbContextFactory<HospitalDbContext>>((options, contexts) => options.XmlRepository = new KeyRing(contexts));
    }
}
