using Hospital.Seed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hospital.Data.Tests;

/// <summary>Demo accounts share a logged password: they must never be created in Production, whatever the settings say.</summary>
public sealed class ProductionDemoDataTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", false)]
    public async Task SeedDemoData_IsIgnoredInProduction(string environment, bool empty)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hospital-demo-{Guid.NewGuid():N}.db");
        var logs = new StringWriter();
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Hospital"] = $"Data Source={file};Pooling=False",
                ["Hospital:SeedDemoData"] = "true",
                ["Hospital:DemoPatients"] = "2",
                ["Hospital:DemoPassword"] = "Demo!Pass12",
            });
            builder.Logging.AddProvider(new WriterLoggerProvider(logs));
            builder.Services.AddHospitalData(builder.Configuration);
            builder.Services.AddHospitalDemoData();
            using var host = builder.Build();

            await host.PrepareHospitalDatabaseAsync(TestContext.Current.CancellationToken);

            Assert.Equal(empty, await host.Services.GetRequiredService<DemoDataSeeder>().IsEmptyAsync(TestContext.Current.CancellationToken));
            Assert.Equal(!empty, logs.ToString().Contains("Demo!Pass12", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    private sealed class WriterLoggerProvider(StringWriter writer) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new WriterLogger(writer);

        public void Dispose()
        {
        }

        private sealed class WriterLogger(StringWriter writer) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (writer)
                {
                    writer.WriteLine(formatter(state, exception));
                }
            }
        }
    }
}
