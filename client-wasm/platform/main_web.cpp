// Browser entry point: GLFW/WebGL2 window in our canvas, Dear ImGui set-up,
// the font atlas's texture, DPI-aware canvas sizing and the JS hooks for tests.
#include "app.hpp"
#include "platform/clock.hpp"
#include "platform/frames.hpp"
#include "core/bidi.hpp"
#include "ui/fonts.hpp"
#include "ui/pacing.hpp"
#include "platform/touch.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdint>
#include <cstring>
#include <string>

using namespace learnloop;
using namespace learnloop::client;

namespace {

struct Runtime {
    GLFWwindow* window = nullptr;
    AppState state;
    float style_scale = 0.0f;     // the scale the current style was built for
    bool first_frame_reported = false;
    double frame_ms_total = 0;    // time spent in frame() since the last reset, for the benchmark
    long long frame_ms_count = 0;
    std::string state_json;       // storage for the string returned to JavaScript
    ui::FramePacer pacer;         // full rate while something happens, a few frames a second when still
    bool pacing = true;           // off: every tick of the browser's clock draws (the benchmark's A/B)
};

Runtime g_runtime;

EM_JS(double, js_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(int, js_viewport_width, (), { return window.innerWidth; });
EM_JS(int, js_viewport_height, (), { return window.innerHeight; });
// Hands a changed semantics tree to the page's script (web/semantics.js).
EM_JS(void, js_semantics_update, (const char* json), {
    if (window.learnloopSemantics)
        window.learnloopSemantics.update(UTF8ToString(json));
});
EM_JS(void, js_first_frame, (), {
    if (window.learnloopFirstFrame)
        window.learnloopFirstFrame();
});

// Keeps the canvas backing store at CSS size × devicePixelRatio. The GLFW
// window size is the canvas's pixel size, so ImGui works in device pixels and
// the UI is scaled by the ratio instead (mouse positions arrive in the same
// device pixels).
void fit_canvas(Runtime& runtime)
{
    double ratio = js_device_pixel_ratio();
    int width = static_cast<int>(std::lround(js_viewport_width() * ratio));
    int height = static_cast<int>(std::lround(js_viewport_height() * ratio));
    int current_width = 0, current_height = 0;
    glfwGetWindowSize(runtime.window, &current_width, &current_height);
    if (width > 0 && height > 0 && (width != current_width || height != current_height))
        glfwSetWindowSize(runtime.window, width, height);
    runtime.state.ui_scale = static_cast<float>(ratio);
}

// Uploads the font atlas again when it changed (new glyphs arrived, or the
// scale), and rescales the style with the scale (ui/fonts.hpp).
// Returns false while the base font is still on its way.
bool update_fonts(Runtime& runtime)
{
    float scale = runtime.state.ui_scale;
    auto atlas = ui::fonts::update(scale);
    if (atlas == ui::fonts::Atlas::Waiting)
        return false;
    if (atlas == ui::fonts::Atlas::Rebuilt) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    if (scale != runtime.style_scale) {
        ui::apply_theme(scale);
        runtime.style_scale = scale;
    }
    runtime.state.font_loaded = true;
    return true;
}

// Whether the app is moving or waiting on its own, with no event to wake
// the pacer: a request in flight, a finger down or a glide, a button held.
bool busy(const Runtime& runtime)
{
    auto touch = touch_status();
    return runtime.state.requests_in_flight > 0 || touch.finger_down || touch.gliding || ImGui::IsAnyMouseDown();
}

void frame()
{
    auto& runtime = g_runtime;
    double started = emscripten_get_now();
    if (runtime.pacing && !runtime.pacer.should_draw(started, busy(runtime)))
        return;
    fit_canvas(runtime);
    glfwPollEvents();
    // Characters typed into the canvas itself (not through the page's fields).
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters)
        ui::fonts::note_code_point(static_cast<char32_t>(c));
    // Hold the first frame until the base font has arrived (or failed), so
    // the first thing drawn is the real UI; the page's loading indicator shows meanwhile.
    if (!update_fonts(runtime))
        return;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    touch_new_frame();
    ImGui::NewFrame();
    ui::semantics::begin_frame(runtime.state.ui_scale);
    draw_app(runtime.state, monotonic_ms() / 1000.0, wall_clock_seconds());
    if (ui::semantics::end_frame())
        js_semantics_update(ui::semantics::tree_json().c_str());
    ImGui::Render();

    int width = 0, height = 0;
    glfwGetFramebufferSize(runtime.window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(ui::k_page.x, ui::k_page.y, ui::k_page.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    runtime.frame_ms_total += emscripten_get_now() - started;
    ++runtime.frame_ms_count;
    if (!runtime.first_frame_reported) {
        runtime.first_frame_reported = true;
        js_first_frame();
    }
}

} // namespace

void learnloop::client::request_frames()
{
    g_runtime.pacer.wake();
}

// The page's input (pointer, keys, wheel, resize, a changed address) wakes
// the pacer from web/loader.js, before the event reaches the app.
extern "C" EMSCRIPTEN_KEEPALIVE void learnloop_wake()
{
    g_runtime.pacer.wake();
}

// The read-only hook behind window.learnloop.state() (see web/index.html).
extern "C" EMSCRIPTEN_KEEPALIVE const char* learnloop_state_json()
{
    Json state = state_for_tests(g_runtime.state);
    auto touch = touch_status();
    state["touch"] = { { "finger_down", touch.finger_down }, { "dragging", touch.dragging }, { "gliding", touch.gliding },
        { "taps", touch.taps }, { "drags", touch.drags }, { "glides", touch.glides } };
    g_runtime.state_json = state.dump(-1, ' ', false, Json::error_handler_t::replace);
    return g_runtime.state_json.c_str();
}

// The page's accessible tree reports focus, activation and typed text here
// (web/semantics.js); the app applies them while drawing the next frame.
extern "C" EMSCRIPTEN_KEEPALIVE void learnloop_semantics_focus(unsigned key, int visible)
{
    g_runtime.pacer.wake();
    ui::semantics::on_focus(key, visible != 0);
}

extern "C" EMSCRIPTEN_KEEPALIVE void learnloop_semantics_activate(unsigned key)
{
    g_runtime.pacer.wake();
    ui::semantics::on_activate(key);
}

extern "C" EMSCRIPTEN_KEEPALIVE void learnloop_semantics_text(unsigned key, const char* text, int start, int end)
{
    g_runtime.pacer.wake();
    ui::semantics::on_text(key, text, start, end);
}

// The benchmark's switch and meter: semantics on or off, and the mean time
// spent in a frame (drawing, recording, syncing; not the GPU) since the last call.
extern "C" EMSCRIPTEN_KEEPALIVE void learnloop_semantics_enable(int on)
{
    ui::semantics::set_enabled(on != 0);
}

// The pacer's switch for the benchmark's A/B (tests/browser/bench-idle.mjs):
// off, the client draws on every tick, as it did before the pacer.
extern "C" EMSCRIPTEN_KEEPALIVE void learnloop_pacing_enable(int on)
{
    g_runtime.pacing = on != 0;
    g_runtime.pacer.wake();
}

extern "C" EMSCRIPTEN_KEEPALIVE double learnloop_frame_ms()
{
    auto& runtime = g_runtime;
    double mean = runtime.frame_ms_count ? runtime.frame_ms_total / runtime.frame_ms_count : 0;
    runtime.frame_ms_total = 0;
    runtime.frame_ms_count = 0;
    return mean;
}

// IndexedDB hands stored values back through here (storage_web.cpp).
extern "C" EMSCRIPTEN_KEEPALIVE void learnloop_store_loaded(const char* key, const char* json)
{
    g_runtime.pacer.wake();
    ui::fonts::note_text(json);
    portal_store_loaded(g_runtime.state, key, json);
}

// The test hooks behind window.learnloop.glyphsMissing(text) and
// fontStatus(): the code points of `text` as the app draws it (Arabic
// joined, core/bidi) the font atlas cannot draw, and which font slices were
// loaded (ui/fonts.hpp).
extern "C" EMSCRIPTEN_KEEPALIVE const char* learnloop_glyphs_missing(const char* text)
{
    Json missing = Json::array();
    for (char32_t cp : ui::fonts::missing_glyphs(display_text(text)))
        missing.push_back(static_cast<std::uint32_t>(cp));
    g_runtime.state_json = missing.dump();
    return g_runtime.state_json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* learnloop_font_status()
{
    g_runtime.state_json = ui::fonts::status().dump();
    return g_runtime.state_json.c_str();
}

int main()
{
    if (!glfwInit())
        return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_runtime.window = glfwCreateWindow(js_viewport_width(), js_viewport_height(), "Learnloop", nullptr, nullptr);
    if (!g_runtime.window)
        return 1;
    glfwMakeContextCurrent(g_runtime.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // nothing to persist between visits
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(g_runtime.window, true);
    // The wheel, read from the browser's own event: Emscripten's GLFW passes
    // the deltas as they are (positive down) and without their unit, so a
    // wheel scrolled the wrong way and a trackpad raced. Dear ImGui wants
    // positive up, one unit a notch: about 100 pixels or 3 lines.
    glfwSetScrollCallback(g_runtime.window, [](GLFWwindow*, double, double) {});
    emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE,
        [](int, const EmscriptenWheelEvent* event, void*) -> EM_BOOL {
            double unit = event->deltaMode == DOM_DELTA_PIXEL ? 100.0 : event->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
            ImGuiIO& io = ImGui::GetIO();
            io.MouseWheelH -= static_cast<float>(event->deltaX / unit);
            io.MouseWheel -= static_cast<float>(event->deltaY / unit);
            g_runtime.pacer.wake();
            return EM_TRUE;
        });
    ImGui_ImplOpenGL3_Init("#version 300 es");
    install_touch();

    // A reload of this tab keeps its session (also offline; see storage.hpp).
    restore_session(g_runtime.state, wall_clock_seconds());
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
