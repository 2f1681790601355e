using Hospital.Data;
using Hospital.GraphQL;
using Hospital.GraphQL.Accounts;
using Hospital.Web;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets(); // Radzen's files from the package in any environment (a no-op once published)
builder.Services.AddHospitalData(builder.Configuration);
builder.Services.AddHospitalGraphQL();
builder.Services.AddHospitalWeb(builder.Configuration);

var app = builder.Build();
if (HospitalStartup.Fails(app))
{
    return 1;
}

await app.PrepareDatabaseAsync();
app.MapHospitalGraphQL();
app.MapHospitalWeb();
await app.RunAsync();
return 0;
