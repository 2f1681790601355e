using Hospital.Data;
using Hospital.GraphQL;
using Hospital.GraphQL.Accounts;
using Hospital.Seed;
using Hospital.Web;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets(); // Radzen's files from the package in any environment (a no-op once published)
var hostsApi = builder.Configuration.HostsHospitalApi(); // false: Hospital:ApiBaseAddress names the API to use
if (hostsApi)
{
    builder.Services.AddHospitalData(builder.Configuration);
    builder.Services.AddHospitalGraphQL();
    builder.Services.AddHospitalDemoData();
}

builder.Services.AddHospitalWeb(builder.Configuration);

var app = builder.Build();
if (hostsApi)
{
    if (HospitalStartup.Fails(app))
    {
        return 1;
    }

    await app.PrepareHospitalDatabaseAsync();
    app.MapHospitalGraphQL();
}

app.MapHospitalWeb();
await app.RunAsync();
return 0;
