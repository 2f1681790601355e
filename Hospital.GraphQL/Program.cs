using Hospital.Data;
using Hospital.GraphQL;
using Hospital.GraphQL.Accounts;
using Hospital.Seed;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHospitalData(builder.Configuration);
builder.Services.AddHospitalGraphQL();
builder.Services.AddHospitalDemoData();

var app = builder.Build();
if (SchemaExport.IsRequested(args))
{
    return SchemaExport.Run(args, app.Services);
}

if (HospitalStartup.Fails(app))
{
    return 1;
}

await app.PrepareHospitalDatabaseAsync();
app.MapHospitalGraphQL();
await app.RunAsync();
return 0;
