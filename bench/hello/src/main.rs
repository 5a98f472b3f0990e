use yew::prelude::*;

#[function_component]
fn App() -> Html {
    use_effect_with((), |_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("messaging-quota:first-render");
        }
    });
    html! { <p>{ "Hello, world" }</p> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
